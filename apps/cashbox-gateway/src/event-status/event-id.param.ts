import { ProblemException } from '@voucher-bridge/http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `eventId` path parameter, lower-cased, or 400 naming it: a malformed id is the client's
 * mistake, told apart from a well-formed id nobody knows (404).
 */
export function eventIdOf(value: string): string {
  if (!UUID.test(value)) {
    throw ProblemException.of(400, 'invalid-path-parameter', 'Invalid path parameter',
      'eventId must be a UUID, as answered by POST /v1/voucher-purchases.',
      { errors: [{ field: 'eventId', messages: ['eventId must be a UUID'] }] });
  }
  return value.toLowerCase();
}
