import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BEARER_SCHEME, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, ProblemExample, invalidBody } from '@voucher-bridge/http';
import { DiscardDeadLettersRequestDto, ReplayDeadLettersRequestDto } from './dead-letter-action.request.dto';
import { DeadLetterActionResponseDto } from './dead-letter-action.response.dto';
import { DeadLetterDto, DeadLetterPageDto } from './dead-letter.response.dto';

const UNAUTHORIZED: ProblemExample = {
  status: 401,
  description: 'No key, or an unknown or revoked one (with `WWW-Authenticate: Bearer`).',
  slug: 'unauthorized',
  title: 'Unauthorized',
  detail: 'Send a operator API key as "Authorization: Bearer <key>".',
  headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
};

const FORBIDDEN: ProblemExample = {
  status: 403,
  description: 'A valid key of another kind (a shop or cashbox key): dead letters are for operators only.',
  slug: 'forbidden',
  title: 'Forbidden',
  detail: 'This route needs a operator key, not a shop key.',
};

/** Every operators' route: operator key, 401/403, database away. */
/** The operator key's answers (401, 403) and the database's (503), without a tag: for controllers tagged as a whole. */
export const OperatorAuthApiDocs = () =>
  applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiProblemResponse(UNAUTHORIZED), ApiProblemResponse(FORBIDDEN), ApiProblemResponse(DATABASE_UNAVAILABLE));

export const OperatorRouteApiDocs = () => applyDecorators(ApiTags('operators'), OperatorAuthApiDocs());

const RECORD_EXAMPLE = {
  id: 'rec_17', kind: 'record', reasonClass: 'rule-violation', reason: 'UNKNOWN_VOUCHER', detail: 'no purchase of this voucher was registered',
  status: 'parked', attempts: 1, parkedAt: '2026-11-25T10:15:00.000Z', resolvedAt: null, resolution: null, voucherCode: '****ABCD',
  eventId: '5a1d7c2e-3b4f-4e6a-8c9d-0e1f2a3b4c5d', eventType: 'voucher.redeemed', source: { topic: 'prod.voucher', partition: 3, offset: '1842' },
};

export const ListDeadLettersApiDocs = () =>
  applyDecorators(
    OperatorRouteApiDocs(),
    ApiOperation({ summary: 'List dead letters', description: 'Parked Kafka records and parked pushes, oldest first, a page at a time (`after` = the previous page\'s `nextCursor`).' }),
    ApiOkResponse({ type: DeadLetterPageDto, example: { items: [RECORD_EXAMPLE], nextCursor: null } }),
    ApiProblemResponse(invalidBody([{ field: 'kind', messages: ['kind must be one of the following values: record, delivery'] }])),
  );

export const ShowDeadLetterApiDocs = () =>
  applyDecorators(
    OperatorRouteApiDocs(),
    ApiOperation({ summary: 'One dead letter' }),
    ApiParam({ name: 'id', example: 'rec_17', description: '`rec_<n>` or `dlv_<subscription id>_<event id>`' }),
    ApiOkResponse({ type: DeadLetterDto, example: RECORD_EXAMPLE }),
    ApiProblemResponse({ status: 400, description: 'Not a dead-letter id.', slug: 'invalid-request', title: 'Invalid request', detail: 'Not a dead-letter id.', extensions: { errors: [{ field: 'id', messages: ['id must be rec_<n> or dlv_<subscription id>_<event id>'] }] } }),
    ApiProblemResponse({ status: 404, description: 'No such dead letter.', slug: 'dead-letter-not-found', title: 'Dead letter not found', detail: 'No dead letter rec_17.', extensions: { field: 'id' } }),
  );

export const ReplayDeadLettersApiDocs = () =>
  applyDecorators(
    OperatorRouteApiDocs(),
    ApiOperation({
      summary: 'Replay dead letters',
      description: 'A record is read again from its source topic and runs through the consumer\'s own path (parse, state machine, registry '
        + 'transaction): applied once (exactly once by its event id), or parked again with one attempt more — never retried on its own. '
        + 'A delivery is handed back to the delivery engine (pending, due now, attempts 0). `dryRun: true` runs the same in a transaction '
        + 'that is rolled back and reports what would happen. Every call, dry runs too, is audited. At most 500 items per call (`more`).',
    }),
    ApiBody({
      type: ReplayDeadLettersRequestDto,
      examples: {
        ids: { summary: 'Named ones', value: { ids: ['rec_17'] } },
        filter: { summary: 'A filter, dry run', value: { filter: { kind: 'record', reason: 'UNKNOWN_VOUCHER' }, dryRun: true } },
        all: { summary: 'Everything parked', value: { all: true } },
      },
    }),
    ApiOkResponse({
      type: DeadLetterActionResponseDto,
      example: {
        dryRun: false, summary: { applied: 1, 'parked-again': 1 }, more: false,
        items: [
          { id: 'rec_17', outcome: 'applied', sequence: 2, balance: 3500, currency: 'EUR' },
          { id: 'rec_18', outcome: 'parked-again', reasonClass: 'rule-violation', reason: 'INSUFFICIENT_FUNDS', detail: 'the redemption of 9000 exceeds the balance of 3500', attempts: 2 },
        ],
      },
    }),
    ApiProblemResponse(invalidBody([{ field: 'ids', messages: ['give exactly one of ids, filter or all: true'] }])),
    ApiProblemResponse(BODY_TOO_LARGE),
  );

export const DiscardDeadLettersApiDocs = () =>
  applyDecorators(
    OperatorRouteApiDocs(),
    ApiOperation({ summary: 'Discard dead letters', description: 'Marks them discarded with the reason (a discarded delivery\'s payload is deleted). Audited.' }),
    ApiBody({ type: DiscardDeadLettersRequestDto, examples: { ids: { summary: 'Named ones', value: { ids: ['rec_17'], reason: 'test record produced by hand' } } } }),
    ApiOkResponse({ type: DeadLetterActionResponseDto, example: { dryRun: false, summary: { discarded: 1 }, more: false, items: [{ id: 'rec_17', outcome: 'discarded' }] } }),
    ApiProblemResponse(invalidBody([{ field: 'reason', messages: ['reason must be longer than or equal to 1 characters'] }])),
    ApiProblemResponse(BODY_TOO_LARGE),
  );
