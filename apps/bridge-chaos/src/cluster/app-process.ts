import { AppName, appLaunch } from '@voucher-bridge/app-launch';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { ROOT } from '../chaos-options';

/** One built app instance (dist) on its own port; killed, paused and restarted by the faults. */
export class AppProcess {
  private child?: ChildProcess;
  /** Exits the harness did not cause: a crash of the app is a finding, not a fault. */
  readonly unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(
    readonly name: AppName,
    readonly instance: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const output = createWriteStream(this.logFile, { flags: 'a' });
    await once(output, 'open');
    this.expectingExit = false;
    const launch = appLaunch(ROOT, this.name);
    const child = spawn(process.execPath, [...launch.nodeArgs, launch.entryPoint], {
      env: { ...process.env, ...launch.env, ...this.env, [launch.portVariable]: String(this.port) },
      stdio: ['ignore', output, output],
    });
    child.on('exit', (code, signal) => {
      if (this.expectingExit || this.child !== child) return;
      this.unexpectedExits.push(`${this.instance} exited (code ${code}, signal ${signal}) at ${new Date().toISOString()}`);
      // Restarted as a process supervisor would, so the run goes on; the crash fails the run.
      setTimeout(() => void this.start().catch(() => undefined), 1000);
    });
    this.child = child;
    for (let attempt = 0; attempt < 480; attempt++) {
      const live = await fetch(`${this.url}/health/live`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
      if (live) return;
      if (!this.running) throw new Error(`${this.instance} exited during start (see ${this.logFile})`);
      await delay(250);
    }
    throw new Error(`${this.instance} did not come up (see ${this.logFile})`);
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    if (!this.child || !this.running) return;
    this.expectingExit = true;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (!this.child || !this.running) return;
    this.expectingExit = true;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const timeout = delay(30_000).then(() => this.child?.kill('SIGKILL'));
    await Promise.race([exited, timeout]);
  }

  /** A counter from the app's own /metrics (summed over labels); 0 when unreachable. */
  async metric(name: string): Promise<number> {
    const text = await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(2000) }).then((r) => r.text(), () => '');
    let sum = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    }
    return sum;
  }
}
