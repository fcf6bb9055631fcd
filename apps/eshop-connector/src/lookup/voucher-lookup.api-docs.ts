import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, invalidBody } from '@voucher-bridge/http';
import { VoucherLookupRequestDto } from './voucher-lookup.request.dto';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';

/** What the web shop reads at /docs about `POST /v1/voucher-lookups`. */
export const VoucherLookupApiDocs = () =>
  applyDecorators(
    ApiTags('lookups'),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation({
      summary: 'Look up a voucher by its code',
      description: 'POST, not GET: a voucher code is a bearer value and must not end up in URLs or access logs.',
    }),
    ApiBody({ type: VoucherLookupRequestDto, examples: { lookup: { summary: 'A code from the checkout form', value: { voucherCode: 'GIFT-2026-ABCD' } } } }),
    ApiOkResponse({
      type: VoucherLookupResponseDto,
      description: 'The voucher as registered.',
      example: {
        voucherCode: '****ABCD', status: 'active', balance: 3500, currency: 'EUR', issuedAt: '2026-11-21T10:15:00.000Z', expiresAt: '2029-11-21T22:59:59.000Z',
        history: [
          { eventId: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', type: 'voucher.purchased', store: 'store-042', cashbox: 'box-7', occurredAt: '2026-11-21T10:15:00.000Z', outcome: 'applied', sequence: 1, amount: { value: 5000, currency: 'EUR' }, balanceAfter: 5000 },
          { eventId: '5a1d7c2e-3b4f-4e6a-8c9d-0e1f2a3b4c5d', type: 'voucher.redeemed', store: 'store-042', cashbox: 'box-7', occurredAt: '2026-11-22T09:00:00.000Z', outcome: 'applied', sequence: 2, amount: { value: 1500, currency: 'EUR' }, balanceAfter: 3500 },
          { eventId: '6b2e8d3f-4c5a-4f7b-9d0e-1f2a3b4c5d6e', type: 'voucher.redeemed', store: 'store-042', cashbox: 'box-7', occurredAt: '2026-11-22T09:05:00.000Z', outcome: 'refused', amount: { value: 9000, currency: 'EUR' }, balanceAfter: 3500, rule: 'INSUFFICIENT_FUNDS' },
        ],
      },
    }),
    ApiProblemResponse(invalidBody([{ field: 'voucherCode', messages: ['voucherCode must be 8-64 characters of A-Z, 0-9 and "-"'] }])),
    ApiProblemResponse({
      status: 401,
      description: 'No key, or an unknown, revoked or non-shop key (with `WWW-Authenticate: Bearer`).',
      slug: 'unauthorized',
      title: 'Unauthorized',
      detail: 'Send a shop API key as "Authorization: Bearer <key>".',
      headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
    }),
    ApiProblemResponse({
      status: 429,
      description: 'This shop key sent more than `LOOKUP_RATE_LIMIT_PER_SECOND` lookups a second. Retry after `Retry-After` seconds.',
      slug: 'rate-limited',
      title: 'Too Many Requests',
      detail: 'This shop key sent more than 10 requests in 1000 ms; retry after 1 s.',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
    }),
    ApiProblemResponse({
      status: 404,
      description: 'No voucher with this code is registered (yet: a purchase takes a moment to arrive).',
      slug: 'voucher-not-found',
      title: 'Voucher not found',
      detail: 'No voucher with this code is registered (yet: an event accepted by a cashbox reaches the registry a moment later).',
      extensions: { field: 'voucherCode' },
    }),
    ApiProblemResponse(BODY_TOO_LARGE),
    ApiProblemResponse(DATABASE_UNAVAILABLE),
  );
