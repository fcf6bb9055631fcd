import { randomBytes } from 'node:crypto';
import { BENCH_CASHBOXES_PER_STORE, BENCH_STORES } from './cashbox-keys';
import { LoadFigures, runJsonPostLoad } from './json-post-load';

/**
 * Cashboxes posting distinct purchases as fast as the gateway answers (or at `rate` a second),
 * from 64 connections, each request with the API key of the cashbox it names and an
 * Idempotency-Key of its own.
 */
export function runAcceptLoad(gatewayUrl: string, keys: Map<string, string>, rate?: number): Promise<LoadFigures> {
  const prefix = randomBytes(3).toString('hex').toUpperCase();
  return runJsonPostLoad(`${gatewayUrl}/v1/voucher-purchases`, (n) => {
    const storeId = `store-${n % BENCH_STORES}`;
    const cashboxId = `box-${n % BENCH_CASHBOXES_PER_STORE}`;
    return {
      headers: {
        authorization: `Bearer ${keys.get(`${storeId}/${cashboxId}`)}`,
        // Idempotency on, as a cashbox vendor sends it: each key is claimed with the purchase.
        'idempotency-key': `bench-${prefix}-${n}`,
      },
      body: {
        voucherCode: `BENCH-${prefix}-${n.toString().padStart(9, '0')}`,
        amount: { value: 1000 + (n % 9000), currency: 'EUR' },
        storeId,
        cashboxId,
        receiptNumber: `R-${prefix}-${n}`,
        purchasedAt: '2026-11-21T11:15:00+01:00',
      },
    };
  }, rate);
}
