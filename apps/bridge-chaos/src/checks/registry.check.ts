import { CheckResult, ExpectedVoucher, checkResult } from './expectations';
import { LookupAnswer } from './public-api';

/** True once the lookup shows every accepted event of the voucher (applied or refused). */
export function registryHasAll(voucher: ExpectedVoucher, answer: LookupAnswer | undefined): boolean {
  if (!answer) return false;
  const ids = new Set(answer.history.map((h) => h.eventId));
  return voucher.events.every((e) => ids.has(e.eventId));
}

/**
 * Applied exactly once, in acceptance order, with the model's outcome, sequence and balance —
 * from the shop's lookup API only.
 */
export function checkRegistry(expected: ExpectedVoucher[], answers: Map<string, LookupAnswer | undefined>): { balanceMismatches: number; results: CheckResult[] } {
  const once = checkResult('registry: every accepted event handled exactly once');
  const order = checkResult('registry: history and applied sequence in acceptance order');
  const outcome = checkResult('registry: outcome of each event as the model says');
  const balance = checkResult('registry: final balance and status equal the model');
  for (const voucher of expected) {
    const answer = answers.get(voucher.code);
    if (!answer) {
      once.fail(`${voucher.code}: not registered`);
      continue;
    }
    const counts = new Map<string, number>();
    for (const item of answer.history) counts.set(item.eventId, (counts.get(item.eventId) ?? 0) + 1);
    const accepted = new Set(voucher.events.map((e) => e.eventId));
    for (const event of voucher.events) {
      const count = counts.get(event.eventId) ?? 0;
      if (count !== 1) once.fail(`${voucher.code}: ${event.eventId} handled ${count}×`);
    }
    for (const item of answer.history) if (!accepted.has(item.eventId)) once.fail(`${voucher.code}: ${item.eventId} in the history was never accepted`);
    const handled = answer.history.filter((h) => accepted.has(h.eventId));
    const byId = new Map(handled.map((h) => [h.eventId, h]));
    if (handled.map((h) => h.eventId).join() !== voucher.events.filter((e) => byId.has(e.eventId)).map((e) => e.eventId).join()) {
      order.fail(`${voucher.code}: history order differs from acceptance order`);
    }
    const sequences = handled.filter((h) => h.outcome === 'applied').map((h) => h.sequence);
    if (sequences.some((s, i) => s !== i + 1)) order.fail(`${voucher.code}: applied sequences ${sequences.join(',')}`);
    for (const event of voucher.events) {
      const item = byId.get(event.eventId);
      if (!item) continue;
      if (item.outcome !== event.outcome || (event.rule && item.rule !== event.rule) || (event.sequence !== undefined && item.sequence !== event.sequence)) {
        outcome.fail(`${voucher.code}: ${event.eventId} ${item.outcome}/${item.rule ?? ''}/${item.sequence ?? ''}, model ${event.outcome}/${event.rule ?? ''}/${event.sequence ?? ''}`);
      }
    }
    if (answer.balance !== voucher.final.balance || answer.status !== voucher.final.status) {
      balance.fail(`${voucher.code}: ${answer.status} ${answer.balance}, model ${voucher.final.status} ${voucher.final.balance}`);
    }
  }
  return { balanceMismatches: balance.violations, results: [once, order, outcome, balance] };
}
