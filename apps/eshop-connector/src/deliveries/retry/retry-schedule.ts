const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DELAY = /^(\d+)(ms|s|m|h)$/;

export const RETRY_SCHEDULE_PATTERN = /^\s*\d+(ms|s|m|h)\s*(,\s*\d+(ms|s|m|h)\s*)*$/;

/** Share of a delay added or taken at random, so waiting deliveries do not all return at once. */
const JITTER = 0.2;

/**
 * When the attempts of a delivery happen: `delaysMs[n]` is the wait before attempt n+1 (the
 * first is counted from the event's registration, usually 0). Exhausting it parks the delivery.
 */
export class RetrySchedule {
  constructor(readonly delaysMs: readonly number[]) {
    if (delaysMs.length === 0) throw new Error('a retry schedule needs at least one attempt');
  }

  static parse(text: string): RetrySchedule {
    return new RetrySchedule(text.split(',').map((part) => {
      const match = DELAY.exec(part.trim());
      if (!match) throw new Error(`not a delay: "${part}" (use e.g. 500ms, 5s, 2m, 1h)`);
      return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    }));
  }

  get maxAttempts(): number {
    return this.delaysMs.length;
  }

  /**
   * Milliseconds to wait after `attemptsMade` failed attempts, or undefined once none is left.
   * `retryAfterMs` (the shop's Retry-After) is a lower bound: the shop said when it can take more.
   */
  delayAfter(attemptsMade: number, retryAfterMs?: number, random: () => number = Math.random): number | undefined {
    if (attemptsMade >= this.maxAttempts) return undefined;
    const base = this.delaysMs[attemptsMade];
    const jittered = Math.round(base * (1 + JITTER * (2 * random() - 1)));
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}
