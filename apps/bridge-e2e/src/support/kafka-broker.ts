import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, TEST_KAFKA } from './test-environment';

const run = promisify(execFile);

/** A broker instance of deploy/kafka/kafka.sh: its name, its ports and the client port it advertises. */
export interface BrokerInstance {
  instance: string;
  port: number;
  controllerPort: number;
  /** The port metadata names for clients (a proxy in front of `port`); default `port`. */
  advertisedPort?: number;
  /** A listener of its own for the broker's traffic with itself (transaction markers), past such a proxy. */
  internalPort?: number;
}

/** Drives a broker (the suite's test broker unless told) through deploy/kafka/kafka.sh, as an operator would. */
export async function kafkaBroker(command: 'start' | 'stop' | 'kill' | 'status' | 'reset', broker: BrokerInstance = TEST_KAFKA): Promise<void> {
  await run(join(ROOT, 'deploy/kafka/kafka.sh'), [command], {
    env: {
      ...process.env,
      KAFKA_INSTANCE: broker.instance,
      KAFKA_PORT: String(broker.port),
      KAFKA_CONTROLLER_PORT: String(broker.controllerPort),
      KAFKA_ADVERTISED_PORT: String(broker.advertisedPort ?? broker.port),
      KAFKA_INTERNAL_PORT: broker.internalPort ? String(broker.internalPort) : '',
      KAFKA_HEAP: '-Xmx512m -Xms128m',
    },
    timeout: 180_000,
  });
}
