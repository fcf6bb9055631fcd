/**
 * What became (or, in a dry run, would become) of one dead letter an operator acted on.
 * `applied`: the event took effect now (its sequence and the balance after it);
 * `already-applied`: its event had taken effect meanwhile (nothing changed, the dead letter is done);
 * `parked-again`: it failed again and stays parked, one attempt more (never retried on its own);
 * `requeued`: a parked delivery is due again (with its subscription's status);
 * `discarded`; `not-parked`: replayed or discarded before; `not-found`;
 * `source-gone`: the record is no longer on its topic (retention): it can only be discarded.
 */
export type ItemOutcome =
  | { id: string; outcome: 'applied'; sequence: number; balance: number; currency: string }
  | { id: string; outcome: 'already-applied' }
  | { id: string; outcome: 'parked-again'; reasonClass: string; reason: string; detail: string; attempts: number }
  | { id: string; outcome: 'requeued'; subscriptionStatus: string }
  | { id: string; outcome: 'discarded' }
  | { id: string; outcome: 'not-parked'; status: string }
  | { id: string; outcome: 'not-found' }
  | { id: string; outcome: 'source-gone'; detail: string };

export type OutcomeName = ItemOutcome['outcome'];

/** How many items ended how: the summary of a response and of its audit entry. */
export function summarize(items: ItemOutcome[]): Partial<Record<OutcomeName, number>> {
  const summary: Partial<Record<OutcomeName, number>> = {};
  for (const { outcome } of items) summary[outcome] = (summary[outcome] ?? 0) + 1;
  return summary;
}
