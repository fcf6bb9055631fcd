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

/** What `chaos --help` prints: every option, the variable that sets it too, and its default. */
export const CHAOS_USAGE = `usage: deploy/voucher-bridge.sh chaos [options]   (each option also as the variable named)
  --mode chaos|fuzz        CHAOS_MODE              [chaos] fuzz: malformed requests and poison records instead
  --events N               CHAOS_EVENTS            [100000] purchases, redemptions and cancellations sent
  --duration SECONDS       CHAOS_DURATION_SECONDS  [3600] bound of the whole run; past it the run fails
  --seed N                 CHAOS_SEED              [from the clock] the same seed replays the same faults
  --faults-each N          CHAOS_FAULTS_EACH       [3] how often each fault kind is injected
  --concurrency N          CHAOS_CONCURRENCY       [48] cashbox requests in flight
  --pause-seconds N        CHAOS_PAUSE_SECONDS     [50] how long a connector is stopped (SIGSTOP)
  --restart-database       CHAOS_RESTART_DATABASE=1  also restart PostgreSQL as a fault (off: CI shares it)
  --fuzz-requests N        CHAOS_FUZZ_REQUESTS     [10000] (fuzz) malformed requests
  --poison-records N       CHAOS_POISON_RECORDS    [1000] (fuzz) unreadable records put on the topic
  --report PATH            CHAOS_REPORT            [.local/chaos/<mode>-report-<seed>.json]
  --database-url URL       CHAOS_DATABASE_URL      [postgresql://postgres@127.0.0.1:5432/voucher_bridge_chaos]
  --base-port N            CHAOS_BASE_PORT         [28000] ports from here on (cluster, apps, shop)
  CHAOS_SHOP_FAILURE_SHARE [0.1] share of pushes the shop answers 503; CHAOS_SHOP_DOWN_SECONDS [15] its outage
Exits 0 when every check passed, 1 when one failed, 2 when the run could not be carried out.`;

/** A command line that cannot be run as given: its message and the usage are printed, exit 2. */
export class ChaosUsageError extends Error {}

/** `--help` or `-h` anywhere on the command line. */
export const wantsHelp = (argv = process.argv.slice(2)) => argv.includes('--help') || argv.includes('-h');

export function readChaosOptions(argv = process.argv.slice(2), env = process.env): ChaosOptions {
  const { values } = parseChaosArguments(argv);
  const number = (option: string | undefined, variable: string, fallback: number) => {
    const flag = option === undefined ? undefined : (values as Record<string, string | undefined>)[option];
    const raw = flag ?? env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new ChaosUsageError(`${flag === undefined ? variable : `--${option}`} must be a non-negative number, got ${raw}`);
    return value;
  };
  const mode = (values.mode ?? env.CHAOS_MODE ?? 'chaos') as ChaosMode;
  if (mode !== 'chaos' && mode !== 'fuzz') throw new ChaosUsageError(`--mode must be chaos or fuzz, got ${mode}`);
  const seed = number('seed', 'CHAOS_SEED', Date.now() % 1_000_000);
  return {
    mode,
    events: number('events', 'CHAOS_EVENTS', 100_000),
    durationSeconds: number('duration', 'CHAOS_DURATION_SECONDS', 3600),
    seed,
    faultsEach: number('faults-each', 'CHAOS_FAULTS_EACH', 3),
    reportPath: values.report ?? env.CHAOS_REPORT ?? join(ROOT, `.local/chaos/${mode}-report-${seed}.json`),
    databaseUrl: values['database-url'] ?? env.CHAOS_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/voucher_bridge_chaos',
    basePort: number('base-port', 'CHAOS_BASE_PORT', 28000),
    restartDatabase: values['restart-database'] ?? env.CHAOS_RESTART_DATABASE === '1',
    shopFailureShare: number(undefined, 'CHAOS_SHOP_FAILURE_SHARE', 0.1),
    shopDownSeconds: number(undefined, 'CHAOS_SHOP_DOWN_SECONDS', 15),
    concurrency: number('concurrency', 'CHAOS_CONCURRENCY', 48),
    pauseSeconds: number('pause-seconds', 'CHAOS_PAUSE_SECONDS', 50),
    fuzzRequests: number('fuzz-requests', 'CHAOS_FUZZ_REQUESTS', 10_000),
    poisonRecords: number('poison-records', 'CHAOS_POISON_RECORDS', 1_000),
  };
}

function parseChaosArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        mode: { type: 'string' }, events: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' },
        'faults-each': { type: 'string' }, report: { type: 'string' }, 'database-url': { type: 'string' },
        'base-port': { type: 'string' }, 'restart-database': { type: 'boolean' }, concurrency: { type: 'string' },
        'pause-seconds': { type: 'string' }, 'fuzz-requests': { type: 'string' }, 'poison-records': { type: 'string' },
      },
    });
  } catch (error) {
    // parseArgs names the option it refused (unknown, or a value missing).
    throw new ChaosUsageError((error as Error).message);
  }
}
