import { readChaosOptions } from './chaos-options';
import { publishReport } from './chaos-report';
import { runChaos } from './chaos-run';
import { runFuzz } from './fuzz/fuzz-run';

/**
 * `deploy/voucher-bridge.sh chaos`: the bridge under load and faults, checked from the outside.
 * Exits 1 when an invariant failed, 2 when the run itself could not be carried out.
 */
async function main(): Promise<void> {
  const options = readChaosOptions();
  const report = options.mode === 'fuzz' ? await runFuzz(options) : await runChaos(options);
  publishReport(report, options.reportPath);
  process.exitCode = report.passed ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
