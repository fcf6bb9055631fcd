import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';

/** How the bench knows a drain is over: cheap checks, polled every 100 ms while it is timed. */

/** Resolves once `condition` holds (checked every 100 ms); fails the bench after `limitSeconds`. */
export async function until(condition: () => Promise<boolean>, limitSeconds = 600): Promise<void> {
  const deadline = Date.now() + limitSeconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('benchmark phase did not finish in time');
    await delay(100);
  }
}

/** Outbox rows not yet relayed (the relay's partial index on unsent rows keeps this small). */
export async function unsentOutboxRows(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM gateway_outbox WHERE sent_at IS NULL');
  return rows[0].n;
}

/**
 * How many events a running eshop-connector has applied to the registry since it started, read
 * from its own counter (`voucher_events_handled_total{outcome="applied"}` on `/metrics`).
 *
 * The bench waits on this instead of counting registry rows: a `count(*)` over a registry of
 * 100,000–200,000 vouchers every 100 ms is work for PostgreSQL that grows with the registry,
 * during the very drain being timed. (It was not what slows the one-subscriber drain of 100,000
 * events, though: 3,873/s with this, 3,558–4,161/s with the count the same hour.)
 */
export async function appliedEvents(connectorUrl: string): Promise<number> {
  const response = await fetch(`${connectorUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  let applied = 0;
  for (const line of (await response.text()).split('\n')) {
    if (line.startsWith('voucher_events_handled_total{') && line.includes('outcome="applied"')) {
      applied += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return applied;
}
