import { validatePlain, validateVoucherEvent } from '@voucher-bridge/voucher-contract';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import { toVoucherPurchasedEvent } from './voucher-purchased-event.mapper';

const requests = [
  { voucherCode: 'GIFT-2026-ABCD', amount: { value: 1, currency: 'EUR' }, storeId: 's', cashboxId: 'b', receiptNumber: 'r', purchasedAt: '2026-11-21T11:15:00+01:00' },
  { voucherCode: 'A'.repeat(64), amount: { value: Number.MAX_SAFE_INTEGER, currency: 'CHF' }, storeId: 'x'.repeat(64), cashboxId: '~!', receiptNumber: 'R-1', purchasedAt: '2026-11-21T11:15Z', expiresAt: '2026-11-21T11:16:00.123456789-05:00' },
];

describe('toVoucherPurchasedEvent', () => {
  it.each(requests)('turns every valid request into a valid event (%#)', (plain) => {
    const request = validatePlain(VoucherPurchaseRequestDto, plain);
    expect(request.violations).toEqual([]);
    const event = toVoucherPurchasedEvent(request.value!, '3f0c8f5e-8a9b-4c8e-9d3e-2a1b4c5d6e7f', new Date('2026-11-21T10:15:00Z'));
    expect(() => validateVoucherEvent(event)).not.toThrow();
    expect(event).toMatchObject({ voucherCode: plain.voucherCode, source: { storeId: plain.storeId, cashboxId: plain.cashboxId } });
  });
});
