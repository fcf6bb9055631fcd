import { AppName, appLaunch } from '@voucher-bridge/app-launch';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { ROOT } from './bench-environment';
import { processCpuSeconds } from './process-cpu';

/** A built app as a process, with its resident memory read from /proc. */
export class AppRunner {
  private child?: ChildProcess;

  constructor(
    private readonly name: AppName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const launch = appLaunch(ROOT, this.name);
    this.child = spawn(process.execPath, [...launch.nodeArgs, launch.entryPoint], {
      env: { ...process.env, ...launch.env, ...this.env, [launch.portVariable]: String(this.port) },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 240; attempt++) {
      // The gateway is ready (degraded) before it reached Kafka: measure from a connected app.
      const ok = await fetch(`${this.url}/health/ready`).then(
        async (r) => r.ok && ((await r.json()) as { status?: string }).status === 'ok',
        () => false,
      );
      if (ok) return;
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}`);
      await delay(250);
    }
    throw new Error(`${this.name} did not become ready`);
  }

  /** Started and not exited. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** CPU seconds the app has used since it started. */
  cpuSeconds(): number {
    return processCpuSeconds(this.child?.pid);
  }

  /** Current and peak resident set size in MiB. */
  memory(): { rssMiB: number; peakMiB: number } {
    const status = readFileSync(`/proc/${this.child?.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
