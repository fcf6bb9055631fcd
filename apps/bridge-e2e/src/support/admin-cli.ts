import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, TEST_DATABASE_URL } from './test-environment';

const run = promisify(execFile);

/** Runs the built admin tool (`deploy/voucher-bridge.sh admin …`) against the test database. */
export async function admin(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(ROOT, 'dist/apps/bridge-admin/src/main.js'), ...args], {
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL },
  });
}

export interface CreatedKey {
  id: string;
  secret: string;
}

/** A new cashbox key bound to one store and cashbox, made the way an operator makes one. */
export async function createCashboxKey(storeId: string, cashboxId: string): Promise<CreatedKey> {
  const { stdout } = await admin('keys', 'create', 'cashbox', '--store', storeId, '--cashbox', cashboxId, '--json');
  const [{ id, secret }] = JSON.parse(stdout) as CreatedKey[];
  return { id, secret };
}

/** A new key of the web shop, made the way an operator makes one. */
export async function createShopKey(): Promise<CreatedKey> {
  const { stdout } = await admin('keys', 'create', 'shop', '--json');
  const [{ id, secret }] = JSON.parse(stdout) as CreatedKey[];
  return { id, secret };
}

/** A new operator key (dead letters, audit), made the way an operator makes one. */
export async function createOperatorKey(label = 'e2e operator'): Promise<CreatedKey> {
  const { stdout } = await admin('keys', 'create', 'operator', '--label', label, '--json');
  const [{ id, secret }] = JSON.parse(stdout) as CreatedKey[];
  return { id, secret };
}
