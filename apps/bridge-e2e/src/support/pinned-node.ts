import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './test-environment';

/** The Node.js version deploy/node/node.env pins for everything the bridge runs. */
export function pinnedNodeVersion(): string {
  const env = readFileSync(join(ROOT, 'deploy/node/node.env'), 'utf8');
  const version = /^NODE_VERSION=(\S+)$/m.exec(env)?.[1];
  if (!version) throw new Error('deploy/node/node.env names no NODE_VERSION');
  return version;
}

/** The `version` label of prom-client's nodejs_version_info gauge in a /metrics text. */
export function reportedNodeVersion(metrics: string): string | undefined {
  return /^nodejs_version_info\{[^}]*version="v([^"]+)"/m.exec(metrics)?.[1];
}

/**
 * Whether `version` is what the project accepts (package.json engines): the pinned major line, at
 * or above the pinned version. A machine whose own Node fits is not given the pinned one.
 */
export function fitsPinnedNode(version: string | undefined): boolean {
  if (!version) return false;
  const [have, want] = [version, pinnedNodeVersion()].map((v) => v.split('.').map(Number));
  if (have[0] !== want[0]) return false;
  for (let i = 1; i < 3; i++) if (have[i] !== want[i]) return have[i] > want[i];
  return true;
}
