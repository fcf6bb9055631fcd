import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { BENCH } from './bench-environment';

export interface AcceptFigures {
  requestsPerSecond: number;
  accepted: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
}

/** Cashboxes posting distinct purchases as fast as the gateway answers, from 64 connections. */
export async function runAcceptLoad(gatewayUrl: string): Promise<AcceptFigures> {
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
          return {
            ...request,
            body: JSON.stringify({
              voucherCode: `BENCH-${prefix}-${n.toString().padStart(9, '0')}`,
              amount: { value: 1000 + (n % 9000), currency: 'EUR' },
              storeId: `store-${n % 50}`,
              cashboxId: `box-${n % 7}`,
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
