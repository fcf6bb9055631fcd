import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { processCpuSeconds } from '../process-cpu';

/** The bench's bare handlers, each a script in this folder that reads its port from `<PREFIX>_PORT`. */
const PEERS = {
  /** The seed design: HTTP straight to Kafka. */
  'direct-to-kafka': { script: 'direct-to-kafka.server.js', portVariable: 'PEER_PORT' },
  /** The floor: HTTP straight into the outbox tables, nothing else. */
  'direct-to-outbox': { script: 'direct-to-outbox.server.js', portVariable: 'FLOOR_PORT' },
} as const;

/** Runs one of the bench's bare handlers as its own process, like the apps, and stops it again. */
export class PeerRunner {
  private child?: ChildProcess;

  constructor(
    private readonly peer: keyof typeof PEERS,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const { script, portVariable } = PEERS[this.peer];
    this.child = fork(join(__dirname, script), [], {
      env: { ...process.env, ...this.env, [portVariable]: String(this.port) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const [message] = await Promise.race([once(this.child, 'message'), once(this.child, 'exit').then(() => ['exited'])]);
    if (message !== 'ready') throw new Error(`the ${this.peer} handler did not start`);
  }

  /** CPU seconds the handler has used since it started. */
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
