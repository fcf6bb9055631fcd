import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { BENCH } from './bench-environment';
import { BENCH_CASHBOXES_PER_STORE, BENCH_STORES } from './cashbox-keys';

export interface AcceptFigures {
  requestsPerSecond: number;
  accepted: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Cashboxes posting distinct purchases as fast as the gateway answers, from 64 connections, each
 * request with the API key of the cashbox it names and an Idempotency-Key of its own.
 */
export async function runAcceptLoad(gatewayUrl: string, keys: Map<string, string>): Promise<AcceptFigures> {
  const prefix = randomBytes(3).toString('hex').toUpperCase();
  let sequence = 0;
  const result = await autocannon({
    url: `${gatewayUrl}/v1/voucher-purchases`,
    method: 'POST',
    connections: BENCH.connections,
    duration: BENCH.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = sequence++;
          const storeId = `store-${n % BENCH_STORES}`;
          const cashboxId = `box-${n % BENCH_CASHBOXES_PER_STORE}`;
          return {
            ...request,
            headers: {
              ...request.headers,
              authorization: `Bearer ${keys.get(`${storeId}/${cashboxId}`)}`,
              // Idempotency on, as a cashbox vendor sends it: each key is claimed with the purchase.
              'idempotency-key': `bench-${prefix}-${n}`,
            },
            body: JSON.stringify({
              voucherCode: `BENCH-${prefix}-${n.toString().padStart(9, '0')}`,
              amount: { value: 1000 + (n % 9000), currency: 'EUR' },
              storeId,
              cashboxId,
              receiptNumber: `R-${prefix}-${n}`,
              purchasedAt: '2026-11-21T11:15:00+01:00',
            }),
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
