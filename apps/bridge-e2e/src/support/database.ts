import { Pool } from 'pg';
import { TEST_DATABASE_URL } from './test-environment';

/** Direct access to the test database, to check what was (not) written. */
export function testDatabase(): Pool {
  return new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
}

export async function countRows(pool: Pool, table: 'gateway_purchase' | 'gateway_outbox' | 'registry_voucher'): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
  return Number(rows[0].count);
}
