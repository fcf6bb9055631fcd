import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const ROOT = join(__dirname, '../../../..');

export type ChaosMode = 'chaos' | 'fuzz';

/** What one run does: from the command line (`--events`, `--duration`, `--seed`, …) or CHAOS_* variables. */
export interface ChaosOptions {
  mode: ChaosMode;
  events: number;
  /** Hard bound of the whole run in seconds: load, faults and drain; past it the run fails. */
  durationSeconds: number;
  seed: number;
  /** How many times each fault kind is injected. */
  faultsEach: number;
  reportPath: string;
  databaseUrl: string;
  /** Ports: the cluster's clients at base+100.., its controllers base+150.., apps and the shop at base+10... */
  basePort: number;
  /** Restart PostgreSQL as a fault: off by default (CI shares this machine's PostgreSQL). */
  restartDatabase: boolean;
  /** Share of pushes the shop answers 503, and how long it is down once. */
  shopFailureShare: number;
  shopDownSeconds: number;
  /** Requests in flight from the cashboxes. */
  concurrency: number;
  /** SIGSTOP of a connector: longer than the group's session timeout (45 s, the broker's minimum). */
  pauseSeconds: number;
  fuzzRequests: number;
  poisonRecords: number;
}

export function readChaosOptions(argv = process.argv.slice(2), env = process.env): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      mode: { type: 'string' }, events: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' },
      'faults-each': { type: 'string' }, report: { type: 'string' }, 'database-url': { type: 'string' },
      'base-port': { type: 'string' }, 'restart-database': { type: 'boolean' }, concurrency: { type: 'string' },
      'pause-seconds': { type: 'string' }, 'fuzz-requests': { type: 'string' }, 'poison-records': { type: 'string' },
    },
  });
  const number = (flag: string | undefined, variable: string, fallback: number) => {
    const raw = flag ?? env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${variable} must be a non-negative number, got ${raw}`);
    return value;
  };
  const mode = (values.mode ?? env.CHAOS_MODE ?? 'chaos') as ChaosMode;
  if (mode !== 'chaos' && mode !== 'fuzz') throw new Error(`--mode must be chaos or fuzz, got ${mode}`);
  const seed = number(values.seed, 'CHAOS_SEED', Date.now() % 1_000_000);
  return {
    mode,
    events: number(values.events, 'CHAOS_EVENTS', 100_000),
    durationSeconds: number(values.duration, 'CHAOS_DURATION_SECONDS', 3600),
    seed,
    faultsEach: number(values['faults-each'], 'CHAOS_FAULTS_EACH', 3),
    reportPath: values.report ?? env.CHAOS_REPORT ?? join(ROOT, `.local/chaos/${mode}-report-${seed}.json`),
    databaseUrl: values['database-url'] ?? env.CHAOS_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/voucher_bridge_chaos',
    basePort: number(values['base-port'], 'CHAOS_BASE_PORT', 28000),
    restartDatabase: values['restart-database'] ?? env.CHAOS_RESTART_DATABASE === '1',
    shopFailureShare: number(undefined, 'CHAOS_SHOP_FAILURE_SHARE', 0.1),
    shopDownSeconds: number(undefined, 'CHAOS_SHOP_DOWN_SECONDS', 15),
    concurrency: number(values.concurrency, 'CHAOS_CONCURRENCY', 48),
    pauseSeconds: number(values['pause-seconds'], 'CHAOS_PAUSE_SECONDS', 50),
    fuzzRequests: number(values['fuzz-requests'], 'CHAOS_FUZZ_REQUESTS', 10_000),
    poisonRecords: number(values['poison-records'], 'CHAOS_POISON_RECORDS', 1_000),
  };
}
