import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { BENCH_CASHBOXES_PER_STORE, BENCH_STORES } from '../cashbox-keys';

/**
 * Purchases at a steady rate (not as fast as possible: latency under a known load), each from
 * one of the bench's cashboxes with its key, for `warmUpSeconds` and then `seconds` without a
 * pause. Returns when each code's 202 arrived, those of the warm-up apart. Sent with
 * undici's `request` over keep-alive connections, not `fetch`: the load generator shares the
 * machine with what it measures, and fetch's WHATWG layers cost it about twice the CPU.
 */
export async function postSteadyPurchases(
  gatewayUrl: string, keys: Map<string, string>, perSecond: number, seconds: number, warmUpSeconds = 0,
): Promise<{ warmUp: Map<string, number>; measured: Map<string, number> }> {
  const warmUp = new Map<string, number>();
  const measured = new Map<string, number>();
  const prefix = randomBytes(3).toString('hex').toUpperCase();
  const warmUpTotal = perSecond * warmUpSeconds;
  const total = warmUpTotal + perSecond * seconds;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1_000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    const storeId = `store-${n % BENCH_STORES}`;
    const cashboxId = `box-${n % BENCH_CASHBOXES_PER_STORE}`;
    const voucherCode = `PUSH-${prefix}-${n.toString().padStart(9, '0')}`;
    inFlight.push(request(`${gatewayUrl}/v1/voucher-purchases`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(`${storeId}/${cashboxId}`)}` },
      body: JSON.stringify({
        voucherCode, amount: { value: 2500, currency: 'EUR' }, storeId, cashboxId,
        receiptNumber: `R-${prefix}-${n}`, purchasedAt: '2026-11-21T11:15:00+01:00',
      }),
    }).then(async (response) => {
      await response.body.dump();
      if (response.statusCode === 202) (n < warmUpTotal ? warmUp : measured).set(voucherCode, performance.now());
    }, () => undefined));
  }
  await Promise.all(inFlight);
  await agent.close();
  return { warmUp, measured };
}
