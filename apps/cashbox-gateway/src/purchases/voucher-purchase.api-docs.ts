import { CashboxEndpointApiDocs } from '../voucher-events/cashbox-endpoint.api-docs';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';

/** `POST /v1/voucher-purchases` at /docs. */
export const VoucherPurchaseApiDocs = () =>
  CashboxEndpointApiDocs({
    tag: 'purchases',
    summary: 'Report a voucher sold at this cashbox',
    description:
      'Stored durably before the answer, then published to the web shop. Retries are safe: send an `Idempotency-Key` ' +
      '(a UUID per sale); without one, the same purchase posted again is recognised too.',
    body: VoucherPurchaseRequestDto,
    example: {
      summary: 'A 50 EUR voucher valid for three years',
      value: {
        voucherCode: 'GIFT-2026-ABCD', amount: { value: 5000, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
        receiptNumber: 'R-000123', purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00',
      },
    },
    invalidExample: [{ field: 'amount.value', messages: ['value must be a positive number'] }],
    conflict: {
      status: 409,
      description: 'The voucher code was already sold on another receipt.',
      slug: 'voucher-code-taken',
      title: 'Voucher code already sold',
      detail: 'This voucher code was already sold on another receipt.',
      extensions: { field: 'voucherCode' },
    },
  });
