import { applyDecorators, Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, invalidBody, ProblemExample } from '@voucher-bridge/http';
import { VoucherEventAcceptedDto } from './voucher-event-accepted.dto';

export interface CashboxEndpointDocs {
  tag: string;
  summary: string;
  description: string;
  body: Type<unknown>;
  example: { summary: string; value: Record<string, unknown> };
  invalidExample: { field: string; messages: string[] }[];
  /** The 409 this endpoint answers when a retry is not the same request. */
  conflict: ProblemExample;
}

/**
 * What a cashbox vendor reads at /docs about one of the gateway's POST endpoints: the same auth,
 * idempotency, rate limit and error answers for all three, with the endpoint's own examples.
 */
export const CashboxEndpointApiDocs = (docs: CashboxEndpointDocs) =>
  applyDecorators(
    ApiTags(docs.tag),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation({ summary: docs.summary, description: docs.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1–255 visible ASCII characters, e.g. a UUID per request; scoped to the API key and kept 72 h. The same key with the same body answers like the first time; with another body 422. Malformed: 400.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$' },
      example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    }),
    ApiBody({ type: docs.body, examples: { [docs.tag]: docs.example } }),
    ApiAcceptedResponse({
      type: VoucherEventAcceptedDto,
      description: 'Stored durably and on its way to the web shop (also the answer to a retry).',
      example: { eventId: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', status: 'accepted' },
    }),
    ApiProblemResponse(invalidBody(docs.invalidExample)),
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
    ApiProblemResponse(docs.conflict),
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
      detail: 'This cashbox key sent more than 20 requests in 1000 ms; retry after 1 s.',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
    }),
    ApiProblemResponse(DATABASE_UNAVAILABLE),
  );
