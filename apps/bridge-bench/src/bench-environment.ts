import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');

/** The benchmark's own broker instance and database, apart from dev and test. */
export const BENCH = {
  kafkaInstance: 'bench',
  kafkaPort: 49092,
  kafkaControllerPort: 49093,
  brokers: '127.0.0.1:49092',
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/voucher_bridge_bench',
  /** Seconds of HTTP load, connections kept busy, rows seeded for the relay and connector phases. */
  seconds: Number(process.env.BENCH_SECONDS ?? 15),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 64),
  seedRows: Number(process.env.BENCH_SEED_ROWS ?? 100_000),
};
