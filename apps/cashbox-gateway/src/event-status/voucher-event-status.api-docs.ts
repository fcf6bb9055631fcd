import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, DATABASE_UNAVAILABLE } from '@voucher-bridge/http';

/** `GET /v1/voucher-events/{eventId}` at /docs. */
export const VoucherEventStatusApiDocs = () =>
  applyDecorators(
    ApiTags('events'),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation({
      summary: 'What became of an event this store sent',
      description: '`accepted`: stored durably, not on Kafka yet. `published`: committed to Kafka at this topic, partition and offset.',
    }),
    ApiParam({ name: 'eventId', description: 'The `eventId` of the 202 answer.', schema: { type: 'string', format: 'uuid' } }),
    ApiOkResponse({
      description: 'The event is known for this store.',
      schema: {
        type: 'object',
        required: ['eventId', 'status'],
        properties: {
          eventId: { type: 'string', format: 'uuid' },
          status: { type: 'string', enum: ['accepted', 'published'] },
          topic: { type: 'string' },
          partition: { type: 'integer' },
          offset: { type: 'string', description: 'A 64-bit offset, as a string.' },
          publishedAt: { type: 'string', format: 'date-time' },
        },
      },
      example: { eventId: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', status: 'published', topic: 'prod.voucher', partition: 3, offset: '1842', publishedAt: '2026-11-21T10:15:00.123Z' },
    }),
    ApiProblemResponse({
      status: 400, description: 'The id is not a UUID.', slug: 'invalid-request', title: 'Invalid request',
      detail: 'eventId must be a UUID', extensions: { errors: [{ field: 'eventId', messages: ['eventId must be a UUID'] }] },
    }),
    ApiProblemResponse({
      status: 401, description: 'No key, or an unknown, revoked or non-cashbox key.', slug: 'unauthorized', title: 'Unauthorized',
      detail: 'Send a cashbox API key as "Authorization: Bearer <key>".',
      headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
    }),
    ApiProblemResponse({
      status: 404, description: 'No such event was accepted for this store (another store\'s event is answered alike).',
      slug: 'voucher-event-not-found', title: 'Voucher event not found', detail: 'No event with this id was accepted for this store.',
    }),
    ApiProblemResponse({
      status: 429, description: 'Over `CASHBOX_RATE_LIMIT_PER_SECOND`.', slug: 'rate-limited', title: 'Too Many Requests',
      detail: 'This cashbox key sent more than 20 requests in 1000 ms; retry after 1 s.',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
    }),
    ApiProblemResponse(DATABASE_UNAVAILABLE),
  );
