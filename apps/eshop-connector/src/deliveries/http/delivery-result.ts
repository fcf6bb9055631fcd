/**
 * Why an attempt failed when the shop gave no HTTP status (with one, the reason is `http-<status>`):
 * no answer (timeout, connection refused or reset), an address the connector may not call, or a
 * push it could not sign. The dead-letter list names parked pushes by it.
 */
export type FailureReason = 'no-response' | 'address-refused' | 'cannot-sign';

/** What one attempt came to, as the dispatcher acts on it. */
export type DeliveryResult =
  | { kind: 'delivered'; status: number }
  /** Timeout, connection error, 5xx, 429: tried again per the schedule, not before `retryAfterMs`. */
  | { kind: 'retry'; status: number | null; error: string; retryAfterMs?: number; reason?: FailureReason }
  /** Another 4xx (or a URL that may not be called): no retry can help; the voucher's next event goes. */
  | { kind: 'park'; status: number | null; error: string; reason?: FailureReason }
  /** 410 Gone: the shop retired the endpoint; the subscription is disabled. */
  | { kind: 'gone'; status: 410; error: string };

/** Maps the shop's answer to what happens next (Standard Webhooks' usual contract). */
export function classifyAnswer(status: number, retryAfterMs: number | undefined): DeliveryResult {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 410) return { kind: 'gone', status, error: 'endpoint answered 410 Gone: subscription disabled' };
  if (status === 429 || status >= 500) return { kind: 'retry', status, error: `endpoint answered ${status}`, retryAfterMs };
  // Redirects are not followed: a signed push goes where it was registered, or nowhere.
  return { kind: 'park', status, error: `endpoint answered ${status}` };
}
