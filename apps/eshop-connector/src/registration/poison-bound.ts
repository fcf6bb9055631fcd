/**
 * Remembers since when each partition's batch (by its first offset) has been failing for a
 * reason other than an outage, to tell when it passed the bound. Pure bookkeeping, no clock of
 * its own: callers pass `now`.
 */
export class PoisonBound {
  private readonly failingSince = new Map<string, number>();

  constructor(private readonly boundMs: number) {}

  /** True once this batch has been failing for the bound or longer. */
  exceeded(batch: string, now: number): boolean {
    const since = this.failingSince.get(batch);
    return since !== undefined && now - since >= this.boundMs;
  }

  /** True while this batch has failed and not gone through since. */
  failing(batch: string): boolean {
    return this.failingSince.has(batch);
  }

  failed(batch: string, now: number): void {
    if (!this.failingSince.has(batch)) this.failingSince.set(batch, now);
  }

  /** The batch went through (or its poison was parked): forget it, and any older batch of the partition. */
  done(batch: string): void {
    const partition = batch.slice(0, batch.lastIndexOf('@'));
    for (const key of this.failingSince.keys()) if (key.startsWith(`${partition}@`)) this.failingSince.delete(key);
  }
}
