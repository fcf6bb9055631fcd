import { CHAOS_USAGE, ChaosOptions, ChaosUsageError, readChaosOptions, wantsHelp } from './chaos-options';
import { publishReport } from './chaos-report';
import { runChaos } from './chaos-run';
import { runFuzz } from './fuzz/fuzz-run';
import { log } from './chaos-log';
import { stageInUse, tearDownStage } from './chaos-stage';

/**
 * `deploy/voucher-bridge.sh chaos`: the bridge under load and faults, checked from the outside.
 * Exits 1 when an invariant failed, 2 when the run itself could not be carried out.
 */
async function main(): Promise<void> {
  const options = optionsOrExit();
  const report = options.mode === 'fuzz' ? await runFuzz(options) : await runChaos(options);
  publishReport(report, options.reportPath);
  process.exitCode = report.passed ? 0 : 1;
}

/** The run's options; `--help` prints the usage and exits 0, a command line it cannot run exits 2. */
function optionsOrExit(): ChaosOptions {
  if (wantsHelp()) {
    console.log(CHAOS_USAGE);
    process.exit(0);
  }
  try {
    return readChaosOptions();
  } catch (error) {
    if (!(error instanceof ChaosUsageError)) throw error;
    console.error(`chaos: ${error.message}\n${CHAOS_USAGE}`);
    process.exit(2);
  }
}

// Interrupted (Ctrl-C, or a kill), the run still stops what it started: the brokers run detached
// and would otherwise outlive it, holding their ports and the next run's cluster directory.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the apps, the shop and the cluster`);
    void tearDownStage(stageInUse() ?? {}, false).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main().catch(async (error) => {
  console.error(error);
  // A run that failed while setting up leaves nothing running either.
  await tearDownStage(stageInUse() ?? {}, false);
  process.exit(2);
});
