import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { processCpuSeconds } from '../process-cpu';

/** Runs the direct-to-Kafka peer as its own process, like the apps, and stops it again. */
export class PeerRunner {
  private child?: ChildProcess;

  constructor(
    readonly port: number,
    private readonly env: { KAFKA_BROKERS: string; PEER_TOPIC: string },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = fork(join(__dirname, 'direct-to-kafka.server.js'), [], {
      env: { ...process.env, ...this.env, PEER_PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const [message] = await Promise.race([once(this.child, 'message'), once(this.child, 'exit').then(() => ['exited'])]);
    if (message !== 'ready') throw new Error('the direct-to-Kafka peer did not start');
  }

  /** CPU seconds the peer has used since it started. */
  cpuSeconds(): number {
    return processCpuSeconds(this.child?.pid);
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
