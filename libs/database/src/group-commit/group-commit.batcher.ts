import { isDatabaseUnavailable } from '../availability/database-unavailable';

export interface GroupCommitOptions {
  /** Flush when this many writes are waiting... */
  maxBatchSize: number;
  /** ...or when the oldest has waited this long. */
  maxWaitMs: number;
  /** Batches written at once (each takes one pooled connection). */
  maxConcurrentFlushes: number;
}

/**
 * Writes one batch; returns one result per input, in order. It may throw: the batcher then
 * retries each item on its own, so one bad row cannot fail its neighbours — unless the error
 * says the database is unavailable, which fails the whole batch at once.
 */
export type BatchWriter<TIn, TOut> = (items: TIn[]) => Promise<TOut[]>;

interface Pending<TIn, TOut> {
  item: TIn;
  resolve: (result: TOut) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: concurrent callers' writes are gathered for a few milliseconds and written in
 * one transaction; each caller is answered after COMMIT. One fsync serves many requests.
 */
export class GroupCommitBatcher<TIn, TOut> {
  private queue: Pending<TIn, TOut>[] = [];
  private timer?: NodeJS.Timeout;
  private flushing = 0;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly writeBatch: BatchWriter<TIn, TOut>,
    private readonly options: GroupCommitOptions,
  ) {}

  write(item: TIn): Promise<TOut> {
    return new Promise<TOut>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.options.maxBatchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Resolves once every write handed in so far is answered. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing > 0) {
      this.flush();
      await new Promise<void>((resolve) => this.idle.add(resolve));
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0 && this.flushing < this.options.maxConcurrentFlushes) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      this.flushing++;
      void this.writeAndAnswer(batch).finally(() => {
        this.flushing--;
        if (this.queue.length > 0) this.flush();
        for (const notify of this.idle) notify();
        this.idle.clear();
      });
    }
  }

  private async writeAndAnswer(batch: Pending<TIn, TOut>[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i]));
    } catch (batchError) {
      // With the database away, writing each item alone would fail the same way, item by item.
      if (batch.length === 1 || isDatabaseUnavailable(batchError)) {
        for (const pending of batch) pending.reject(batchError);
        return;
      }
      await Promise.all(
        batch.map((pending) =>
          this.writeBatch([pending.item]).then(([result]) => pending.resolve(result), pending.reject),
        ),
      );
    }
  }
}
