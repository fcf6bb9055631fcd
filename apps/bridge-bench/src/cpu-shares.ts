import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BENCH } from './bench-environment';
import { TICKS_PER_SECOND, processCpuSeconds } from './process-cpu';

/** CPU seconds used so far: the machine's (all cores, busy only) and each party's. */
export interface CpuSample {
  at: number;
  machine: number;
  parties: Map<string, number>;
}

/**
 * Who uses the machine's CPU during a phase: the apps, the bench broker and the bench process
 * itself (load generator and receiver), from /proc, as shares of one core; the rest of the
 * machine's busy time is PostgreSQL's (its backends come and go with the pools, so they are not
 * counted one by one) and whatever else runs. On a 2-core machine 200 % is everything.
 */
export class CpuShares {
  constructor(private readonly apps: Record<string, () => number>) {}

  sample(): CpuSample {
    const parties = new Map<string, number>();
    for (const [name, cpu] of Object.entries(this.apps)) parties.set(name, cpu());
    parties.set('Kafka broker', processCpuSeconds(brokerPid()));
    const own = process.cpuUsage();
    parties.set('bench (load + receiver)', (own.user + own.system) / 1e6);
    return { at: performance.now(), machine: machineBusySeconds(), parties };
  }

  /** "x % of a core" per party between two samples, and the machine's total. */
  static between(before: CpuSample, after: CpuSample): string {
    const seconds = (after.at - before.at) / 1000;
    const { machine, parts } = CpuShares.split(before, after, (used) => `${Math.round((used / seconds) * 100)} %`);
    return `${machine} of ${cores()}00 % (${parts})`;
  }

  /**
   * The machine's CPU per request between two samples, and each party's part of it: what a
   * request costs all processes together (a relay's broker and database work shows here, not in
   * the app's own figure).
   */
  static perRequest(before: CpuSample, after: CpuSample, requests: number): string {
    const { machine, parts } = CpuShares.split(before, after, (used) => `${Math.round((used * 1e6) / Math.max(1, requests))}`);
    return `${machine} µs (${parts})`;
  }

  /** The machine's CPU between two samples and each party's, PostgreSQL's being what is left, as `show` puts them. */
  private static split(before: CpuSample, after: CpuSample, show: (seconds: number) => string): { machine: string; parts: string } {
    let counted = 0;
    const parts = [...after.parties].map(([name, used]) => {
      const delta = used - (before.parties.get(name) ?? 0);
      counted += delta;
      return `${name} ${show(delta)}`;
    });
    const machine = after.machine - before.machine;
    return { machine: show(machine), parts: `${parts.join(', ')}, PostgreSQL and the rest ${show(machine - counted)}` };
  }
}

function brokerPid(): number | undefined {
  try {
    return Number(readFileSync(join(ROOT, '.local/kafka', BENCH.kafkaInstance, 'kafka.pid'), 'utf8').trim());
  } catch {
    return undefined;
  }
}

function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

function cores(): number {
  return readFileSync('/proc/stat', 'utf8').split('\n').filter((line) => /^cpu\d+ /.test(line)).length;
}
