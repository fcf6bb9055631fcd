import { CheckResult, ExpectedVoucher, checkResult } from './expectations';
import { ParkedItem } from './public-api';

/** Parked are exactly the load's deliberate rule violations, each with its rule; no delivery parked. */
export function checkParked(expected: ExpectedVoucher[], records: ParkedItem[], deliveries: ParkedItem[]): CheckResult[] {
  const unexpected = checkResult('parked: nothing parked but the deliberate rule violations');
  const missing = checkResult('parked: every deliberate rule violation parked with its rule');
  const wanted = new Map<string, string>();
  for (const voucher of expected) for (const event of voucher.events) if (event.outcome === 'refused') wanted.set(event.eventId, event.rule!);
  const parked = new Map<string, string>();
  for (const item of records) {
    if (!item.eventId || !wanted.has(item.eventId)) unexpected.fail(`${item.id}: ${item.reason} (event ${item.eventId})`);
    else parked.set(item.eventId, item.reason);
  }
  for (const item of deliveries) unexpected.fail(`${item.id}: delivery parked (${item.reason})`);
  for (const [eventId, rule] of wanted) {
    const reason = parked.get(eventId);
    if (reason !== rule) missing.fail(`${eventId}: expected ${rule}, parked ${reason ?? 'no'}`);
  }
  return [unexpected, missing];
}
