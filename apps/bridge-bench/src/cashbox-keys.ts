import { newApiKeySecret } from '@voucher-bridge/api-keys';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

export const BENCH_STORES = 50;
export const BENCH_CASHBOXES_PER_STORE = 7;

/**
 * One key per cashbox of the load (50 stores × 7 cashboxes), so the accept figures include real
 * authentication: every request is checked against its own key. Returns secret by "store/cashbox".
 */
export async function createBenchCashboxKeys(pool: Pool): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  const rows: { id: string; hash: string; hint: string; store: string; cashbox: string }[] = [];
  for (let s = 0; s < BENCH_STORES; s++) {
    for (let c = 0; c < BENCH_CASHBOXES_PER_STORE; c++) {
      const store = `store-${s}`;
      const cashbox = `box-${c}`;
      const { secret, hash, hint } = newApiKeySecret('cashbox');
      secrets.set(`${store}/${cashbox}`, secret);
      rows.push({ id: randomUUID(), hash, hint, store, cashbox });
    }
  }
  await pool.query(
    `INSERT INTO bridge_api_key (id, kind, key_hash, hint, store_id, cashbox_id, label)
     SELECT id, 'cashbox', hash, hint, store, cashbox, 'bench'
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, hash, hint, store, cashbox)`,
    [rows.map((r) => r.id), rows.map((r) => r.hash), rows.map((r) => r.hint), rows.map((r) => r.store), rows.map((r) => r.cashbox)],
  );
  return secrets;
}
