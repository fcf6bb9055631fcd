import { CashboxEndpointApiDocs } from '../voucher-events/cashbox-endpoint.api-docs';
import { VoucherRedemptionRequestDto } from './voucher-redemption.request.dto';

/** `POST /v1/voucher-redemptions` at /docs. */
export const VoucherRedemptionApiDocs = () =>
  CashboxEndpointApiDocs({
    tag: 'redemptions',
    summary: 'Report (part of) a voucher spent at this cashbox',
    description:
      'Stored durably before the answer, then published to the web shop, whose registry applies it to the balance in ' +
      'order (a redemption over the balance, in another currency, or of a cancelled or expired voucher is refused there ' +
      'and shows in the voucher\'s history). One receipt records one redemption of a voucher.',
    body: VoucherRedemptionRequestDto,
    example: {
      summary: '15 EUR taken off a voucher',
      value: {
        voucherCode: 'GIFT-2026-ABCD', amount: { value: 1500, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
        receiptNumber: 'R-000200', redeemedAt: '2026-11-22T10:00:00+01:00',
      },
    },
    invalidExample: [{ field: 'redeemedAt', messages: ['redeemedAt must be an ISO 8601 date-time with an offset'] }],
    conflict: {
      status: 409,
      description: 'This receipt already recorded a different redemption of this voucher.',
      slug: 'receipt-conflict',
      title: 'Receipt already recorded',
      detail: 'This receipt already recorded a different voucher.redeemed of this voucher.',
      extensions: { field: 'receiptNumber' },
    },
  });
