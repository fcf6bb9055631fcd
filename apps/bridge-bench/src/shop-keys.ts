import { newApiKeySecret } from '@voucher-bridge/api-keys';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/** Shop keys for the lookup load, one per connection: every lookup is authenticated. */
export async function createBenchShopKeys(pool: Pool, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, () => ({ id: randomUUID(), ...newApiKeySecret('shop') }));
  await pool.query(
    `INSERT INTO bridge_api_key (id, kind, key_hash, hint, label)
     SELECT id, 'shop', hash, hint, 'bench' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, hash, hint)`,
    [keys.map((k) => k.id), keys.map((k) => k.hash), keys.map((k) => k.hint)],
  );
  return keys.map((k) => k.secret);
}
