import { ProblemException } from '@voucher-bridge/http';
import { isUUID } from 'class-validator';

/**
 * The `id` path parameter, lower-cased, or 400 naming it: a malformed id is the client's mistake,
 * told apart from a well-formed id nobody knows (404) — as `GET /v1/voucher-events/{eventId}` does.
 */
export function subscriptionIdOf(value: string): string {
  if (!isUUID(value)) {
    throw ProblemException.of(400, 'invalid-path-parameter', 'Invalid path parameter',
      'id must be a UUID, as answered by POST /v1/subscriptions.',
      { errors: [{ field: 'id', messages: ['id must be a UUID'] }] });
  }
  return value.toLowerCase();
}
