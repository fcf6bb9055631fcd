import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH, ROOT } from './bench-environment';

const run = promisify(execFile);

export async function kafkaScript(command: 'start' | 'stop' | 'reset'): Promise<void> {
  await run(join(ROOT, 'deploy/kafka/kafka.sh'), [command], {
    env: {
      ...process.env,
      KAFKA_INSTANCE: BENCH.kafkaInstance,
      KAFKA_PORT: String(BENCH.kafkaPort),
      KAFKA_CONTROLLER_PORT: String(BENCH.kafkaControllerPort),
    },
  });
}

export async function migrate(): Promise<void> {
  await run(process.execPath, [join(ROOT, 'prisma/scripts/migrate.mjs')], {
    env: { ...process.env, DATABASE_URL: BENCH.databaseUrl },
  });
}

/** Runs a Kafka command-line tool class from the broker's jars; returns its stdout. */
export async function kafkaTool(mainClass: string, args: string[]): Promise<string> {
  const { stdout } = await run('java', ['-cp', join(ROOT, '.local/kafka/libs/*'), mainClass, ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

export async function command(file: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(file, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}
