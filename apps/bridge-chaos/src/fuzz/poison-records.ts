import { randomUUID } from 'node:crypto';
import { SeededRandom } from '@voucher-bridge/fuzzing';

/**
 * Records the bridge never wrote, straight onto its topic: unreadable JSON, events that break the
 * contract, a key that is not the event's code, wrong types, huge and empty values. Keys start
 * with POISON- so the checker finds them on the topic.
 */
export function poisonRecords(count: number, random: SeededRandom, seed: number): { key: string; value: string }[] {
  const valid = (i: number) => ({
    eventId: randomUUID(), eventType: 'voucher.purchased', schemaVersion: 1,
    occurredAt: '2026-11-21T10:15:00.000Z', source: { storeId: 'store-0', cashboxId: 'box-0' },
    voucherCode: `POISON-${seed}-${i}`,
    payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: `R-${i}`, purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00' },
  });
  const records: { key: string; value: string }[] = [];
  for (let i = 0; i < count; i++) {
    const key = `POISON-${seed}-${i}`;
    const event: Record<string, unknown> = valid(i);
    let value: string;
    switch (i % 10) {
      case 0: value = '{"eventId":'; break;
      case 1: value = 'not json at all'; break;
      case 2: value = JSON.stringify({ ...event, voucherCode: `POISON-OTHER-${i}` }); break;
      case 3: value = JSON.stringify({ ...event, eventType: 'voucher.exploded' }); break;
      case 4: value = JSON.stringify({ ...event, eventId: 'not-a-uuid' }); break;
      case 5: value = JSON.stringify({ ...event, payload: { amount: { value: -5, currency: 'EUR' } } }); break;
      case 6: value = JSON.stringify({ ...event, schemaVersion: 99 }); break;
      case 7: value = '[]'; break;
      case 8: value = JSON.stringify({ ...event, payload: 'x'.repeat(random.int(1, 20_000)) }); break;
      default: value = 'null';
    }
    records.push({ key, value });
  }
  return records;
}
