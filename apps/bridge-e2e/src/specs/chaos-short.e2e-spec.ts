import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertTestDatabase } from '../support/test-database.guard';
import { ROOT, TEST_DATABASE_URL } from '../support/test-environment';

/** Its own database (re-created by the run) and ports below the ephemeral range, apart from the suite's broker. */
const CHAOS_DATABASE_URL = assertTestDatabase(process.env.TEST_CHAOS_DATABASE_URL ?? TEST_DATABASE_URL.replace(/\/([^/?]+)(\?|$)/, '/$1_chaos$2'));
const CHAOS_BASE_PORT = process.env.TEST_CHAOS_BASE_PORT ?? '29500';

interface Report {
  seed: number;
  passed: boolean;
  figures: Record<string, number | string>;
  faults: Record<string, number>;
  checks: { name: string; violations: number; examples: string[] }[];
}

/**
 * The chaos command in small (apps/bridge-chaos; `deploy/voucher-bridge.sh chaos` runs the full
 * one): a few thousand events over a three-broker cluster, two gateways and two connectors, each
 * fault kind once, then the checks from public surfaces. A regression in durability fails here.
 */
describe('chaos, short: every fault kind once under load, nothing lost, doubled or reordered', () => {
  it('passes every invariant', async () => {
    const reportPath = join(tmpdir(), `chaos-short-${process.pid}.json`);
    const child = spawn(process.execPath, [
      join(ROOT, 'dist/apps/bridge-chaos/src/main.js'),
      '--events', '3000', '--faults-each', '1', '--duration', '900',
      '--base-port', CHAOS_BASE_PORT, '--database-url', CHAOS_DATABASE_URL, '--report', reportPath,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0 && code !== 1) throw new Error(`the chaos run could not be carried out (exit ${code}):\n${output.slice(-4000)}`);

    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    const failed = report.checks.filter((c) => c.violations > 0).map((c) => `${c.name}: ${c.examples.slice(0, 3).join('; ')}`);
    expect({ seed: report.seed, failed }).toEqual({ seed: report.seed, failed: [] });
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.figures).toMatchObject({ lost: 0, duplicated: 0, reordered: 0, 'balance mismatches': 0 });
    expect(Number(report.figures['events accepted (202)'])).toBe(3000);
    expect(Object.keys(report.faults).sort()).toEqual([
      'broker-leader-kill', 'connector-kill-mid-batch', 'connector-kill-mid-delivery', 'connector-pause',
      'gateway-kill-accepting', 'gateway-kill-relaying', 'gateway-pause-relaying', 'kafka-connections-silenced', 'partitions-added', 'postgres-connections-cut', 'postgres-connections-silenced', 'shop-down',
    ]);
  }, 900_000);
});
