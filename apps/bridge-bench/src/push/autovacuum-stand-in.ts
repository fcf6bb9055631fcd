import { Pool } from 'pg';

/**
 * What autovacuum would have done by now in production. This machine's PostgreSQL runs with it
 * off (CI shares it), so the bench's garbage stays for the next statements to step over: the
 * relay's marked outbox rows and the registry's writes from the phases before (non-HOT updates),
 * the 100,000 deliveries a drain marks delivered. Measured without it (alternating runs,
 * 2026-12-06): before the push drain, one subscriber 4,931 against 6,000 events/s after relay and
 * register phases; before the latency load, PostgreSQL 69-70 against 57-59 % of a core at 500/s
 * and p99 335-342 against 229-258 ms. Production runs autovacuum (the queue tables carry 1 %
 * thresholds: see the migrations).
 */
export async function vacuumAsAutovacuumWould(pool: Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
}
