import { Pool } from 'pg';
import { Bridge, startBridge } from './bridge';
import { testDatabase } from './database';

export interface BridgeContext {
  bridge: Bridge;
  db: Pool;
}

/** Starts both apps (and a database pool) before the spec's tests and stops them after. */
export function useBridge(extraEnv: Record<string, string> = {}): BridgeContext {
  const context = {} as BridgeContext;
  beforeAll(async () => {
    context.db = testDatabase();
    context.bridge = await startBridge(extraEnv);
  });
  afterAll(async () => {
    await context.bridge?.stop();
    await context.db?.end();
  });
  return context;
}
