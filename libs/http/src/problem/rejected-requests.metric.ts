import { Counter, metricsRegistry } from '@voucher-bridge/metrics';

/**
 * Every answer that was a problem document, by status and reason (the problem type's slug, e.g.
 * `invalid-request`, `unauthorized`, `rate-limited`, `idempotency-key-reused`): what operators
 * watch to tell a misconfigured cashbox from an attack or an outage.
 */
export const rejectedRequests = new Counter({
  name: 'http_requests_rejected_total',
  help: 'Requests answered with a problem document, by HTTP status and reason (problem type)',
  labelNames: ['status', 'reason'],
  registers: [metricsRegistry],
});

export function reasonOf(problemType: string): string {
  return problemType.slice(problemType.lastIndexOf(':') + 1) || 'unknown';
}
