import { setTimeout as delay } from 'node:timers/promises';

/**
 * Retries `check` until it stops throwing. Bounded by attempts so a broken system fails the
 * test with the last error rather than hanging; not a performance assertion.
 */
export async function eventually<T>(what: string, check: () => Promise<T>, attempts = 240, intervalMs = 250): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await delay(intervalMs);
    }
  }
  throw new Error(`gave up waiting for ${what}: ${(lastError as Error)?.message ?? lastError}`);
}
