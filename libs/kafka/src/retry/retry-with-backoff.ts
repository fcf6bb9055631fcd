import { LoggerService } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';

export interface RetryOptions {
  what: string;
  logger: LoggerService;
  /** Aborted when the app shuts down: waiting stops at once and the retry rejects. */
  signal: AbortSignal;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Retries `attempt` until it succeeds, doubling the wait (with jitter) up to a cap. */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let delayMs = options.initialDelayMs ?? 200;
  for (let failures = 1; ; failures++) {
    options.signal.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      options.signal.throwIfAborted();
      options.logger.warn(
        `could not ${options.what} (attempt ${failures}, retrying in ${delayMs} ms): ${(error as Error).message}`,
      );
      await delay(delayMs * (0.75 + Math.random() * 0.5), undefined, { signal: options.signal });
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
