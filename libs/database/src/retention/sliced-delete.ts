import type { SqlPool } from '../sql-pool';

/**
 * Runs a retention DELETE until it deletes less than a full slice; answers the total deleted. The
 * statement takes the age in seconds as $1 and the slice size as $2 (`… ORDER BY … LIMIT $2 FOR
 * UPDATE SKIP LOCKED`): slices keep row locks few and statements short, and SKIP LOCKED lets
 * several instances clean up side by side.
 */
export async function deleteInSlices(pool: SqlPool, sql: string, olderThanSeconds: number, rowsPerSlice = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(sql, [olderThanSeconds, rowsPerSlice]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < rowsPerSlice) return total;
  }
}
