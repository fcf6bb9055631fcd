import { hash } from 'node:crypto';

/**
 * Fingerprint of what a request asks for, to tell a retry from a different request reusing an
 * Idempotency-Key or a receipt: the event type and the fields in a fixed order, so the body's key
 * order does not matter.
 */
export function requestHash(eventType: string, fields: unknown[]): string {
  return hash('sha256', JSON.stringify([eventType, ...fields]), 'hex');
}
