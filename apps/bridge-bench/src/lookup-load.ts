import autocannon from 'autocannon';
import { BENCH } from './bench-environment';
import type { AcceptFigures } from './accept-load';

/**
 * The web shop looking vouchers up as fast as the connector answers: BENCH.connections
 * connections for BENCH.seconds, each lookup with one of `shopKeys` and the code of a registered
 * voucher (`codeOf(n)`, n from 1 to `vouchers`, in the body as the API wants it). Counts 200s as
 * accepted; anything else (a 404 included) as failed.
 */
export async function runLookupLoad(connectorUrl: string, shopKeys: string[], vouchers: number, codeOf: (n: number) => string): Promise<AcceptFigures> {
  let sequence = 0;
  const result = await autocannon({
    url: `${connectorUrl}/v1/voucher-lookups`,
    method: 'POST',
    connections: BENCH.connections,
    duration: BENCH.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = sequence++;
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${shopKeys[n % shopKeys.length]}` },
            body: JSON.stringify({ voucherCode: codeOf(1 + (n * 7_919) % vouchers) }),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    accepted: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
