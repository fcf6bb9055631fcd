import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, invalidBody } from '@voucher-bridge/http';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import { VoucherPurchaseAcceptedDto } from './voucher-purchase.response.dto';

/** What a cashbox vendor reads at /docs about `POST /v1/voucher-purchases`, with examples to copy. */
export const VoucherPurchaseApiDocs = () =>
  applyDecorators(
    ApiTags('purchases'),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation({
      summary: 'Report a voucher sold at this cashbox',
      description:
        'Stored durably before the answer, then published to the web shop. Retries are safe: send an `Idempotency-Key` ' +
        '(a UUID per sale); the same key with the same body answers like the first time and writes nothing more.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1–255 visible ASCII characters, e.g. a UUID per sale; scoped to the API key and kept 72 h. Malformed: 400.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$' },
      example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    }),
    ApiBody({
      type: VoucherPurchaseRequestDto,
      examples: {
        purchase: {
          summary: 'A 50 EUR voucher valid for three years',
          value: {
            voucherCode: 'GIFT-2026-ABCD',
            amount: { value: 5000, currency: 'EUR' },
            storeId: 'store-042',
            cashboxId: 'box-7',
            receiptNumber: 'R-000123',
            purchasedAt: '2026-11-21T11:15:00+01:00',
            expiresAt: '2029-11-21T23:59:59+01:00',
          },
        },
      },
    }),
    ApiAcceptedResponse({
      type: VoucherPurchaseAcceptedDto,
      description: 'Stored durably and on its way to the web shop (also the answer to a retry).',
      example: { eventId: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', status: 'accepted' },
    }),
    ApiProblemResponse(invalidBody([{ field: 'amount.value', messages: ['value must be a positive number'] }])),
    ApiProblemResponse({
      status: 401,
      description: 'No key, or an unknown, revoked or non-cashbox key (with `WWW-Authenticate: Bearer`). Nothing was written.',
      slug: 'unauthorized',
      title: 'Unauthorized',
      detail: 'Send a cashbox API key as "Authorization: Bearer <key>".',
      headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
    }),
    ApiProblemResponse({
      status: 403,
      description: 'The key belongs to another store or cashbox (`field` names which). Nothing was written.',
      slug: 'forbidden-store',
      title: 'Forbidden',
      detail: 'This API key belongs to another store.',
      extensions: { field: 'storeId' },
    }),
    ApiProblemResponse({
      status: 409,
      description: 'The voucher code was already sold on another receipt.',
      slug: 'voucher-code-taken',
      title: 'Voucher code already sold',
      detail: 'This voucher code was already sold on another receipt.',
      extensions: { field: 'voucherCode' },
    }),
    ApiProblemResponse(BODY_TOO_LARGE),
    ApiProblemResponse({
      status: 422,
      description: 'The `Idempotency-Key` was sent before with a different request.',
      slug: 'idempotency-key-reused',
      title: 'Idempotency-Key reused',
      detail: 'This Idempotency-Key was sent before with a different request; use a new key for a new request.',
      extensions: { field: 'Idempotency-Key' },
    }),
    ApiProblemResponse({
      status: 429,
      description: 'This cashbox sent more than `CASHBOX_RATE_LIMIT_PER_SECOND` requests a second. Retry after `Retry-After` seconds.',
      slug: 'rate-limited',
      title: 'Too Many Requests',
      detail: 'This cashbox sent more than 20 requests in 1000 ms; retry after 1 s.',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
    }),
    ApiProblemResponse(DATABASE_UNAVAILABLE),
  );
