import { ChaosOptions } from '../chaos-options';
import { ChaosReport } from '../chaos-report';

export async function runFuzz(options: ChaosOptions): Promise<ChaosReport> {
  throw new Error(`fuzz mode not built yet (seed ${options.seed})`);
}
