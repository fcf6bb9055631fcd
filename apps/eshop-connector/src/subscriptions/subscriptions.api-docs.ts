import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, invalidBody } from '@voucher-bridge/http';
import type { ProblemExample } from '@voucher-bridge/http';
import { CreateSubscriptionRequestDto } from './create-subscription.request.dto';
import { CreatedSubscriptionDto } from './created-subscription.response.dto';
import { SecretRotationDto } from './secret-rotation.response.dto';
import { SubscriptionDto } from './subscription.response.dto';

/** What the web shop reads at /docs about `/v1/subscriptions`. */

const ID = '8d3c6f0e-2b1a-4c5d-9e8f-7a6b5c4d3e2f';
const SUBSCRIPTION = {
  id: ID, url: 'https://shop.example.com/voucher-events', eventTypes: ['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'],
  status: 'active', disabledReason: null, createdAt: '2026-11-25T10:15:00.000Z',
};

const UNAUTHORIZED: ProblemExample = {
  status: 401,
  description: 'No key, or an unknown, revoked or non-shop key (with `WWW-Authenticate: Bearer`).',
  slug: 'unauthorized',
  title: 'Unauthorized',
  detail: 'Send a shop API key as "Authorization: Bearer <key>".',
  headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
};
const RATE_LIMITED: ProblemExample = {
  status: 429,
  description: 'This shop key sent more than `LOOKUP_RATE_LIMIT_PER_SECOND` requests a second to this route. Retry after `Retry-After` seconds.',
  slug: 'rate-limited',
  title: 'Too Many Requests',
  detail: 'This shop key sent more than 10 requests in 1000 ms; retry after 1 s.',
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
};
const NOT_FOUND: ProblemExample = {
  status: 404,
  description: 'No subscription with this id, or it was deleted.',
  slug: 'subscription-not-found',
  title: 'Subscription not found',
  detail: 'No subscription with this id exists (or it was deleted).',
};
const INVALID_ID: ProblemExample = {
  status: 400,
  description: 'The id is not a UUID.',
  slug: 'invalid-path-parameter',
  title: 'Invalid path parameter',
  detail: 'id must be a UUID, as answered by POST /v1/subscriptions.',
  extensions: { errors: [{ field: 'id', messages: ['id must be a UUID'] }] },
};
const ID_PARAM = ApiParam({ name: 'id', description: 'The `id` answered by `POST /v1/subscriptions`.', schema: { type: 'string', format: 'uuid' } });

const common = (...problems: ProblemExample[]) =>
  [ApiTags('subscriptions'), ApiBearerAuth(BEARER_SCHEME), ...[UNAUTHORIZED, RATE_LIMITED, ...problems, DATABASE_UNAVAILABLE].map(ApiProblemResponse)];

export const CreateSubscriptionApiDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Register an endpoint to receive voucher events',
      description: 'The connector POSTs each applied event of the chosen types to `url`, signed per Standard Webhooks with the returned secret. '
        + 'URL rules: http or https (https only in prod), no `user:password@`, no `#fragment`; in prod no loopback (localhost, 127.0.0.0/8, ::1); '
        + 'never link-local or cloud metadata targets (169.254.0.0/16, fe80::/10, fd00:ec2::254, metadata.google.internal), 0.0.0.0, multicast or broadcast.',
    }),
    ApiBody({
      type: CreateSubscriptionRequestDto,
      examples: {
        all: { summary: 'Every event type', value: { url: 'https://shop.example.com/voucher-events', eventTypes: ['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'] } },
        local: { summary: 'A local receiver (outside prod)', value: { url: 'http://127.0.0.1:8099/voucher-events', eventTypes: ['voucher.purchased'] } },
      },
    }),
    ApiCreatedResponse({
      type: CreatedSubscriptionDto,
      description: 'Registered. The secret is shown only in this answer.',
      example: { id: ID, url: SUBSCRIPTION.url, eventTypes: SUBSCRIPTION.eventTypes, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Ps1BMO8vEs=' },
    }),
    ApiProblemResponse(invalidBody([
      { field: 'url', messages: ['url must not point at a link-local (or metadata) address'] },
      { field: 'eventTypes', messages: ['each value in eventTypes must be one of voucher.purchased, voucher.redeemed, voucher.cancelled'] },
    ])),
    ApiProblemResponse(BODY_TOO_LARGE),
    ...common(),
  );

export const ListSubscriptionsApiDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'List the registered subscriptions', description: 'Deleted subscriptions are not listed; secrets never are.' }),
    ApiOkResponse({ type: SubscriptionDto, isArray: true, example: [SUBSCRIPTION] }),
    ...common(),
  );

export const GetSubscriptionApiDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'Show one subscription', description: 'Without its secret.' }),
    ID_PARAM,
    ApiOkResponse({ type: SubscriptionDto, example: SUBSCRIPTION }),
    ...common(INVALID_ID, NOT_FOUND),
  );

export const DeleteSubscriptionApiDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Delete a subscription',
      description: 'Nothing more is pushed to it; deliveries still waiting for it are discarded.',
    }),
    ID_PARAM,
    ApiNoContentResponse({ description: 'Deleted.' }),
    ...common(INVALID_ID, NOT_FOUND),
  );

export const RotateSecretApiDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Rotate the signing secret',
      description: 'The new secret signs from now on. Until `previousSecretsExpireAt` (now + `WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS`, 24 h by default) '
        + 'deliveries also carry a signature with each older secret, so the shop can switch without rejecting a delivery.',
    }),
    ID_PARAM,
    ApiCreatedResponse({
      type: SecretRotationDto,
      description: 'Rotated. The new secret is shown only in this answer.',
      example: { secret: 'whsec_4Za5JYlJJ640NzxIVxjV3nZuEbVgx5Y/qzzhqedj+Ic=', previousSecretsExpireAt: '2026-11-26T10:15:00.000Z' },
    }),
    ...common(INVALID_ID, NOT_FOUND),
  );
