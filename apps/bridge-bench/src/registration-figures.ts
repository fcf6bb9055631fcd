import { Pool } from 'pg';
import { AppRunner } from './app-runner';
import { REGISTRATION_SPAN } from './registration-span.sql';

/**
 * The figures of a drain besides the rate with app start: the rate from the first registry
 * transaction to the last, and the connector's CPU per event (user + system, /proc, from the app
 * answering ready to the last event, over all the drain's events: the few handled before ready
 * make it slightly low): on a shared machine it is the figure that compares between runs.
 */
export async function registrationFigures(pool: Pool, connector: AppRunner, since: Date, cpuBefore: number, events: number, label: string): Promise<[string, string][]> {
  const cpuMicros = ((connector.cpuSeconds() - cpuBefore) * 1e6) / events;
  const { rows } = await pool.query<{ n: number; seconds: number }>(REGISTRATION_SPAN, [since]);
  const { n, seconds } = rows[0];
  return [
    [`${label} (first → last transaction)`, `${Math.round(n / seconds).toLocaleString('en-US')} events/s`],
    [`${label}: connector CPU per event`, `${cpuMicros.toFixed(1)} µs (ready → last event)`],
  ];
}
