import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');

/** BENCH_KAFKA_PORT: another port (and the next one, for its controller) lets two benchmarks run side by side. */
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT ?? 29192);

/** The hot paths measured; BENCH_PHASES=relay,register (say) measures only those. */
export type BenchPhase = 'raw' | 'accept' | 'relay' | 'register' | 'lookup' | 'push';
const ALL_PHASES: BenchPhase[] = ['raw', 'accept', 'relay', 'register', 'lookup', 'push'];

function phases(): Set<BenchPhase> {
  const wanted = (process.env.BENCH_PHASES ?? ALL_PHASES.join(',')).split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = wanted.filter((p) => !ALL_PHASES.includes(p as BenchPhase));
  if (unknown.length > 0) throw new Error(`BENCH_PHASES: unknown phase(s) ${unknown.join(', ')}; known: ${ALL_PHASES.join(', ')}`);
  const set = new Set(wanted as BenchPhase[]);
  if (set.has('lookup')) set.add('register'); // the shop looks up what the connector registered
  if (set.has('register')) set.add('relay'); // the connector registers what the relay published
  return set;
}

/** The benchmark's own broker instance and database, apart from dev and test. */
export const BENCH = {
  kafkaInstance: 'bench',
  kafkaPort: KAFKA_PORT,
  kafkaControllerPort: KAFKA_PORT + 1,
  brokers: `127.0.0.1:${KAFKA_PORT}`,
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/voucher_bridge_bench',
  /** Seconds of HTTP load, connections kept busy, rows seeded for the relay and connector phases. */
  seconds: Number(process.env.BENCH_SECONDS ?? 15),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 64),
  /** The paced accept load's requests a second: CPU per request below saturation, the steadier figure. */
  pacedRate: Number(process.env.BENCH_PACED_RATE ?? 1000),
  seedRows: Number(process.env.BENCH_SEED_ROWS ?? 100_000),
  phases: phases(),
};
