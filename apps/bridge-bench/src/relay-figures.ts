import { Pool } from 'pg';
import { AppRunner } from './app-runner';
import { RELAY_SPAN } from './relay-span.sql';

/**
 * The figures of the relay's drain besides the rate with app start: the rate from the first rows
 * marked sent to the last, and the gateway's CPU per message (user + system, /proc, from the app
 * answering ready — connected to Kafka — to the end of the drain, over all its rows: the few sent
 * before ready make it slightly low).
 */
export async function relayFigures(pool: Pool, gateway: AppRunner, since: Date, cpuAtReady: number, rows: number): Promise<[string, string][]> {
  const cpuMicros = ((gateway.cpuSeconds() - cpuAtReady) * 1e6) / rows;
  const { rows: span } = await pool.query<{ n: number; seconds: number }>(RELAY_SPAN, [since]);
  const { n, seconds } = span[0];
  return [
    ['relay: outbox → Kafka (first → last marked sent)', `${Math.round(n / seconds).toLocaleString('en-US')} msg/s`],
    ['relay: gateway CPU per message', `${cpuMicros.toFixed(1)} µs (ready → drained)`],
  ];
}
