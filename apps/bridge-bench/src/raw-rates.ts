import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { BENCH } from './bench-environment';
import { command, kafkaTool } from './shell';

/**
 * What the machine itself can do in this run, to read our figures against: PostgreSQL
 * committing a two-row transaction (pgbench, 64 clients), and Kafka's own Java producer with
 * acks=all and idempotence.
 */
export async function rawPostgresTwoRowTps(pool: Pool): Promise<number> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_a (id bigserial PRIMARY KEY, v text)');
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_b (id bigserial PRIMARY KEY, v text)');
  const script = join(tmpdir(), 'voucher-bridge-pgbench.sql');
  writeFileSync(script, [
    'BEGIN;',
    "INSERT INTO bench_raw_a (v) VALUES (md5(random()::text));",
    "INSERT INTO bench_raw_b (v) VALUES (md5(random()::text));",
    'COMMIT;',
  ].join('\n'));
  const out = await command('pgbench', ['-n', '-c', '64', '-j', '2', '-T', '10', '-f', script, BENCH.databaseUrl]);
  await pool.query('DROP TABLE bench_raw_a, bench_raw_b');
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
}

export async function rawKafkaProducerRate(): Promise<number> {
  const topic = 'bench-raw.voucher';
  await kafkaTool('org.apache.kafka.tools.TopicCommand', [
    '--bootstrap-server', BENCH.brokers, '--create', '--if-not-exists', '--topic', topic,
    '--partitions', '6', '--replication-factor', '1',
  ]);
  const out = await kafkaTool('org.apache.kafka.tools.ProducerPerformance', [
    '--topic', topic, '--num-records', '300000', '--record-size', '300', '--throughput', '-1',
    '--producer-props', `bootstrap.servers=${BENCH.brokers}`, 'acks=all', 'enable.idempotence=true', 'linger.ms=5',
  ]);
  const last = out.trim().split('\n').pop() ?? '';
  return Number(/([\d.]+) records\/sec/.exec(last)?.[1] ?? NaN);
}
