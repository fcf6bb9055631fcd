import { ProblemException } from '@voucher-bridge/http';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII, as the IETF Idempotency-Key draft recommends (UUIDs fit). */
const VALID = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's `Idempotency-Key`, or null without one. A malformed key is a 400 problem naming
 * the header, before anything is written.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header === 'string' && VALID.test(header)) return header;
  throw ProblemException.of(400, 'validation-failed', 'Invalid request', 'The Idempotency-Key header is malformed.', {
    errors: [{ field: IDEMPOTENCY_KEY_HEADER, messages: ['Idempotency-Key must be one value of 1-255 visible ASCII characters'] }],
  });
}
