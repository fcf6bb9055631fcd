import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponse, BODY_TOO_LARGE, invalidBody } from '@voucher-bridge/http';
import { OperatorAuthApiDocs } from '../dead-letters/dead-letters.api-docs';
import { OperationsOverviewDto } from './operations-overview.response.dto';
import { VoucherTraceRequestDto } from './voucher-trace.request.dto';
import { VoucherTraceDto } from './voucher-trace.response.dto';

export const OperationsOverviewApiDocs = () =>
  applyDecorators(
    OperatorAuthApiDocs(),
    ApiOperation({
      summary: 'Is everything flowing?',
      description: 'Both apps\' health, the consumer\'s lag per partition, the outbox backlog and its oldest age, events of the last minute '
        + '(accepted / registered / refused / parked), parked dead letters, failing subscriptions and the last errors. '
        + 'A part that cannot be read is named in `errors`; the others are still answered. The console polls this.',
    }),
    ApiOkResponse({ type: OperationsOverviewDto }),
  );

export const VoucherTraceApiDocs = () =>
  applyDecorators(
    OperatorAuthApiDocs(),
    ApiOperation({
      summary: 'Trace one voucher end to end',
      description: 'Each event of the voucher: accepted at which store and cashbox → outbox → Kafka partition/offset → registered with sequence '
        + 'and balance (or refused, or parked as a dead letter) → pushed to which endpoints, with attempts. '
        + 'POST, not GET: the code is a bearer value and must not end up in URLs or access logs.',
    }),
    ApiBody({ type: VoucherTraceRequestDto, examples: { trace: { summary: 'A code from a customer\'s complaint', value: { voucherCode: 'GIFT-2026-ABCD' } } } }),
    ApiOkResponse({
      type: VoucherTraceDto,
      example: {
        voucherCode: '****ABCD', voucher: { status: 'active', balance: 5000, currency: 'EUR' },
        events: [{
          eventId: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', type: 'voucher.purchased',
          accepted: { store: 'store-042', cashbox: 'box-7', receiptNumber: 'R-1001', at: '2026-11-25T10:15:00.012Z' }, inOutbox: false,
          published: { topic: 'prod.voucher', partition: 2, offset: '1842', at: '2026-11-25T10:15:00.040Z' },
          registered: { outcome: 'applied', sequence: 1, balanceAfter: 5000, currency: 'EUR', rule: null, at: '2026-11-25T10:15:00.090Z' },
          deadLetter: null,
          deliveries: [{
            subscriptionId: '9b2f0a1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c', url: 'https://shop.example/voucher-events', status: 'delivered', attempts: 1,
            lastStatus: 204, lastError: null, lastAttemptAt: '2026-11-25T10:15:00.200Z', deliveredAt: '2026-11-25T10:15:00.200Z',
          }],
        }],
      },
    }),
    ApiProblemResponse(invalidBody([{ field: 'voucherCode', messages: ['voucherCode must be 8-64 characters of A-Z, 0-9 and "-"'] }])),
    ApiProblemResponse({
      status: 404, description: 'No event of a voucher with this code was accepted or registered.', slug: 'voucher-not-found',
      title: 'Voucher not found', detail: 'No event of a voucher with this code was accepted or registered.', extensions: { field: 'voucherCode' },
    }),
    ApiProblemResponse(BODY_TOO_LARGE),
  );
