import { AppName, appLaunch } from '@voucher-bridge/app-launch';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { ROOT } from './test-environment';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One of the built apps, run as a real process: started, signalled and killed like in production. */
export class AppProcess {
  /** Started and not yet exited, across the spec file: killed after it (leftover-apps.ts). */
  private static readonly running = new Set<AppProcess>();
  private child?: ChildProcess;
  private output = '';

  constructor(
    readonly name: AppName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  async start(readiness: 'ready' | 'live' = 'ready'): Promise<void> {
    // A test that failed before stopping the app would otherwise leave it running, unowned, for
    // the rest of the suite (and holding jest open after it).
    await this.kill();
    this.output = '';
    mkdirSync(join(ROOT, '.local/e2e-logs'), { recursive: true });
    const launch = appLaunch(ROOT, this.name);
    const child = spawn(process.execPath, [...launch.nodeArgs, launch.entryPoint], {
      env: { ...process.env, ...launch.env, NO_COLOR: '1', ...this.env, [launch.portVariable]: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    AppProcess.running.add(this);
    child.on('exit', () => AppProcess.running.delete(this));
    const logFile = createWriteStream(join(ROOT, '.local/e2e-logs', `${this.env.VOUCHER_ENV}-${this.name}.log`), { flags: 'a' });
    const capture = (chunk: Buffer) => {
      this.output += chunk.toString();
      logFile.write(chunk);
    };
    child.stdout?.on('data', capture);
    child.stderr?.on('data', capture);
    child.on('exit', () => logFile.end());
    await eventually(`${this.name} to be ${readiness}`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.output}`);
      const response = await fetch(`${this.baseUrl}/health/${readiness}`);
      if (response.status !== 200) throw new Error(`health/${readiness} answered ${response.status}`);
    });
  }

  /**
   * SIGTERM, as an orchestrator stops it. Nest runs the shutdown hooks, then re-raises the
   * signal, so a clean stop ends with signal SIGTERM (a hang would time the test out).
   */
  async stop(): Promise<ExitStatus> {
    return this.signal('SIGTERM');
  }

  /** SIGINT, as Ctrl-C in a terminal; handled like SIGTERM. */
  async interrupt(): Promise<ExitStatus> {
    return this.signal('SIGINT');
  }

  /**
   * Kills every app this spec file started and did not stop: a test that failed half-way must
   * not leave an app running into the next file (a leftover gateway holds the relay lease of the
   * shared test database, and keeps jest from exiting).
   */
  static async killLeftovers(): Promise<void> {
    await Promise.all([...AppProcess.running].map((app) => app.kill()));
  }

  /** SIGSTOP: frozen, as by a stalled VM or a debugger; its sockets stay open. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT: goes on where it was frozen. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL: a crash, no shutdown hooks run. */
  async kill(): Promise<ExitStatus> {
    return this.signal('SIGKILL');
  }

  private async signal(signal: NodeJS.Signals): Promise<ExitStatus> {
    const child = this.child;
    if (!child) return { code: null, signal: null };
    if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code, exitSignal] = (await exited) as [number | null, NodeJS.Signals | null];
    return { code, signal: exitSignal };
  }
}
