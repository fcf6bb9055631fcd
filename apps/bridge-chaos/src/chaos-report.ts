import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CheckResult } from './checks/expectations';

export interface ChaosReport {
  mode: string;
  seed: number;
  startedAt: string;
  finishedAt: string;
  passed: boolean;
  figures: Record<string, number | string>;
  faults: Record<string, number>;
  checks: CheckResult[];
  details: Record<string, unknown>;
}

/** Writes the JSON report and prints the summary; the exit code follows `passed`. */
export function publishReport(report: ChaosReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2));
  const lines = [
    `${report.mode} run, seed ${report.seed}: ${report.passed ? 'PASSED' : 'FAILED'}`,
    ...Object.entries(report.figures).map(([name, value]) => `  ${name.padEnd(34)} ${value}`),
    '  faults injected:',
    ...Object.entries(report.faults).map(([kind, count]) => `    ${kind.padEnd(32)} ${count}`),
    '  checks:',
    ...report.checks.map((c) => `    ${c.violations === 0 ? 'ok  ' : 'FAIL'} ${c.name}${c.violations ? ` — ${c.violations}: ${c.examples.slice(0, 3).join('; ')}` : ''}`),
    `  report: ${path}`,
  ];
  console.log(lines.join('\n'));
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
