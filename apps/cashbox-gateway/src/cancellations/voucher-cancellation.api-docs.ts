import { CashboxEndpointApiDocs } from '../voucher-events/cashbox-endpoint.api-docs';
import { VoucherCancellationRequestDto } from './voucher-cancellation.request.dto';

/** `POST /v1/voucher-cancellations` at /docs. */
export const VoucherCancellationApiDocs = () =>
  CashboxEndpointApiDocs({
    tag: 'cancellations',
    summary: 'Report a voucher cancelled at this cashbox',
    description:
      'Stored durably before the answer, then published to the web shop, whose registry cancels the voucher for good ' +
      'when it applies the event. One receipt records one cancellation of a voucher.',
    body: VoucherCancellationRequestDto,
    example: {
      summary: 'A voucher sold by mistake',
      value: {
        voucherCode: 'GIFT-2026-ABCD', storeId: 'store-042', cashboxId: 'box-7', receiptNumber: 'R-000300',
        cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake',
      },
    },
    invalidExample: [{ field: 'reason', messages: ['reason should not be empty'] }],
    conflict: {
      status: 409,
      description: 'This receipt already recorded a different cancellation of this voucher.',
      slug: 'receipt-conflict',
      title: 'Receipt already recorded',
      detail: 'This receipt already recorded a different voucher.cancelled of this voucher.',
      extensions: { field: 'receiptNumber' },
    },
  });
