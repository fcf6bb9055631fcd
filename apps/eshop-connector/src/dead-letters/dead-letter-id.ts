/**
 * Operators name dead letters of both kinds with one kind of id: `rec_<n>` is row n of
 * registry_dead_letter (a Kafka record), `dlv_<subscription id>_<event id>` a parked row of
 * webhook_delivery (its primary key). The prefix says which table to look in.
 */
export type DeadLetterId =
  | { kind: 'record'; id: string }
  | { kind: 'delivery'; subscriptionId: string; eventId: string };

export const DEAD_LETTER_ID_PATTERN = /^(rec_[1-9][0-9]{0,17}|dlv_[0-9a-f-]{36}_[0-9a-f-]{36})$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id's parts, or undefined for anything that is not a dead-letter id. */
export function parseDeadLetterId(text: string): DeadLetterId | undefined {
  if (!DEAD_LETTER_ID_PATTERN.test(text)) return undefined;
  if (text.startsWith('rec_')) return { kind: 'record', id: text.slice(4) };
  const [subscriptionId, eventId] = [text.slice(4, 40), text.slice(41)];
  return UUID.test(subscriptionId) && UUID.test(eventId) ? { kind: 'delivery', subscriptionId, eventId } : undefined;
}

export function formatDeadLetterId(id: DeadLetterId): string {
  return id.kind === 'record' ? `rec_${id.id}` : `dlv_${id.subscriptionId}_${id.eventId}`;
}
