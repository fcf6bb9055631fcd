import { Injectable } from '@nestjs/common';

/**
 * PostgreSQL's channel for "rows were accepted" between gateway instances: the relay lease's
 * session LISTENs on it, a standby NOTIFYs it (OutboxWakeup).
 */
export const OUTBOX_CHANNEL = 'gateway_outbox';

/** Lets the accept path wake the relay at once instead of waiting for its next poll. */
@Injectable()
export class OutboxSignal {
  private waiters: (() => void)[] = [];
  /**
   * A notify nobody was waiting for: the relay was busy publishing when rows were accepted. Kept
   * so its next wait returns at once. Lost, those rows waited for the next accept or, when none
   * came, for the poll (OUTBOX_POLL_INTERVAL_MS).
   */
  private pending = false;

  notify(): void {
    if (this.waiters.length === 0) {
      this.pending = true;
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next `notify()` (or at once if one came since the last wait) or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
