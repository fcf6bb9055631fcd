import autocannon from 'autocannon';
import { BENCH } from './bench-environment';

/** What one HTTP load measured: 2xx answers count as accepted, anything else as failed. */
export interface LoadFigures {
  requestsPerSecond: number;
  accepted: number;
  failed: number;
  /** What the failed ones were: `429 ×12,400, timeouts ×3`; empty when none failed. */
  failures: string;
  p50Ms: number;
  p99Ms: number;
}

/** The n-th request's own headers (besides content-type) and JSON body. */
export type NthRequest = (n: number) => { headers: Record<string, string>; body: unknown };

/**
 * JSON POSTs to `url` from BENCH.connections connections for BENCH.seconds, as fast as they are
 * answered, or at `rate` requests a second in all.
 */
export async function runJsonPostLoad(url: string, nth: NthRequest, rate?: number): Promise<LoadFigures> {
  let sequence = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: BENCH.connections,
    duration: BENCH.seconds,
    ...(rate === undefined ? {} : { overallRate: rate }),
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const { headers, body } = nth(sequence++);
          return { ...request, headers: { ...request.headers, ...headers }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    accepted: result['2xx'],
    // autocannon's `errors` include its timeouts: counted once.
    failed: result.non2xx + result.errors,
    failures: failuresOf(result),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** The answers that were not 2xx by status, then connection errors and timeouts. */
function failuresOf(result: autocannon.Result): string {
  const parts = Object.entries(result.statusCodeStats ?? {})
    .filter(([status, { count }]) => !status.startsWith('2') && (count ?? 0) > 0)
    .map(([status, { count }]) => `${status} ×${count!.toLocaleString('en-US')}`);
  const errors = result.errors - result.timeouts;
  if (errors > 0) parts.push(`connection errors ×${errors.toLocaleString('en-US')}`);
  if (result.timeouts > 0) parts.push(`timeouts ×${result.timeouts.toLocaleString('en-US')}`);
  return parts.join(', ');
}
