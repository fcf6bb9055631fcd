export interface PeriodicTaskOptions {
  intervalMs: number;
  /** Also run once as soon as started (e.g. work left from before the start). */
  runAtStart?: boolean;
  /** A failed run: the task runs again at the next tick. */
  onError: (error: Error) => void;
}

/**
 * A background chore on a timer (clean-ups, re-encryption): one run at a time — a tick while a run
 * is still going is skipped, not queued — failures reported and retried at the next tick, the
 * timer unref'd so it never keeps a process alive, and `stop()` waiting for a run in progress
 * (call it from `onApplicationShutdown`, before the pool closes).
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly task: () => Promise<unknown>, private readonly options: PeriodicTaskOptions) {}

  start(): void {
    if (this.options.runAtStart) this.tick();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running ??= this.task()
      .then(() => undefined, (error: unknown) => this.options.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (this.running = undefined));
  }
}
