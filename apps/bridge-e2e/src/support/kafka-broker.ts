import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, TEST_KAFKA } from './test-environment';

const run = promisify(execFile);

/** Drives the test broker through deploy/kafka/kafka.sh, as an operator would. */
export async function kafkaBroker(command: 'start' | 'stop' | 'kill' | 'status'): Promise<void> {
  await run(join(ROOT, 'deploy/kafka/kafka.sh'), [command], {
    env: {
      ...process.env,
      KAFKA_INSTANCE: TEST_KAFKA.instance,
      KAFKA_PORT: String(TEST_KAFKA.port),
      KAFKA_CONTROLLER_PORT: String(TEST_KAFKA.controllerPort),
      KAFKA_HEAP: '-Xmx512m -Xms128m',
    },
    timeout: 180_000,
  });
}
