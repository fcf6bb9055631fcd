import { voucherCancelled } from '../voucher-cancelled';
import { voucherPurchased } from '../voucher-purchased';
import { voucherRedeemed } from '../voucher-redeemed';
import { passesFastPath } from './fast-path';
import { validateVoucherEvent } from './parse-voucher-event';

const envelope = {
  eventId: '3b241101-e2bb-4255-8caf-4136c566a962', occurredAt: '2026-11-21T10:15:00+01:00',
  voucherCode: 'GIFT-2026-ABCD', storeId: 'store-042', cashboxId: 'box-7',
};
const valid = [
  voucherPurchased({ ...envelope, payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: 'R-1',
    purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00' } }),
  voucherPurchased({ ...envelope, payload: { amount: { value: 1, currency: 'CHF' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T10:15:00Z' } }),
  voucherRedeemed({ ...envelope, payload: { amount: { value: 100, currency: 'EUR' }, receiptNumber: 'R-2', redeemedAt: '2026-12-01T10:00:00Z' } }),
  voucherCancelled({ ...envelope, payload: { receiptNumber: 'R-3', cancelledAt: '2026-12-02T10:00:00Z', reason: 'sold by mistake' } }),
];

const ODD_VALUES: unknown[] = [
  undefined, null, '', ' ', 'x'.repeat(65), 'x'.repeat(201), 'a b', 'tab\there', -1, 0, 1.5, 2 ** 53, '5000', true, [], {}, ['R-1'],
  'eur', 'XXX', 'EURO', '2026-02-30T10:00:00Z', '2026-11-21T10:00:00+15:00', '2026-11-21T10:00:00', '1999-12-31T23:59:59Z',
  '2026-11-21T10:15:00.123456789-12:00', 'voucher.purchased', 'voucher.unknown', 2, '3B241101-E2BB-4255-8CAF-4136C566A962',
  '00000000-0000-0000-0000-000000000000', 'GIFT-lower', 'GIFT-2026-ABCD', 'R-1', 'EUR', 1, '2026-11-21T11:15:00+01:00',
];

/** Every variant of `value` with one property (at any depth) replaced, removed or added. */
function* variants(value: Record<string, unknown>): Generator<Record<string, unknown>> {
  yield { ...value, unexpected: 1 };
  yield { ...value, __proto__: { polluted: true } } as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    for (const odd of ODD_VALUES) yield { ...value, [key]: odd };
    const { [key]: _, ...without } = value;
    yield without;
    const inner = value[key];
    if (typeof inner === 'object' && inner !== null) {
      for (const variant of variants(inner as Record<string, unknown>)) yield { ...value, [key]: variant };
    }
  }
}

function fullyValid(plain: unknown): boolean {
  try {
    validateVoucherEvent(plain);
    return true;
  } catch {
    return false;
  }
}

describe('passesFastPath', () => {
  it.each(valid.map((event) => [event.eventType, event]))('recognises a plainly valid %s', (_, event) => {
    expect(passesFastPath(JSON.parse(JSON.stringify(event)))).toBe(true);
    expect(fullyValid(event)).toBe(true);
  });

  it('never accepts what the full validation refuses (thousands of one-property variants)', () => {
    const wronglyAccepted: string[] = [];
    let checked = 0;
    for (const event of valid) {
      for (const variant of variants(JSON.parse(JSON.stringify(event)))) {
        checked++;
        if (passesFastPath(variant) && !fullyValid(variant)) wronglyAccepted.push(JSON.stringify(variant));
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(wronglyAccepted).toEqual([]);
  });

  it('leaves doubtful events to the full validation: an optional field set to null, a foreign schema version', () => {
    const [purchase] = valid;
    expect(passesFastPath({ ...purchase, payload: { ...purchase.payload, expiresAt: null } })).toBe(false);
    expect(passesFastPath({ ...purchase, schemaVersion: 2 })).toBe(false);
  });
});
