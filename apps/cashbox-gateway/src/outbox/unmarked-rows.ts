import type { PublishedRow, ScanFrom } from './relay-position';

interface Marking {
  rows: PublishedRow[];
  /** Where their transaction's records could land at the earliest (ScanFloor before it). */
  scanFrom?: ScanFrom;
  done: Promise<void>;
}

/**
 * Rows Kafka has committed whose marking as sent has not finished: every position the relay
 * commits names them all (besides its own rows), so its transactions need not wait for the
 * markings, and a relay that dies leaves nothing unmarked that the last committed position does
 * not name. A marking leaves this set only once it succeeded; a failed one stays until the relay
 * starts over (`clear()` after `settle()`), which marks the last committed position again.
 */
export class UnmarkedRows {
  private markings: Marking[] = [];
  private failure?: unknown;
  private rowCount = 0;

  get markingsInFlight(): number {
    return this.markings.length;
  }

  get size(): number {
    return this.rowCount;
  }

  /** Their ids: unsent in the table, yet already on Kafka, so left out of the next read. */
  ids(): string[] {
    return this.markings.flatMap((marking) => marking.rows.map((row) => row.id));
  }

  rows(): PublishedRow[] {
    return this.markings.flatMap((marking) => marking.rows);
  }

  /** The oldest marking's scan start: no unmarked row's record lies before it. */
  oldestScanFrom(): ScanFrom | undefined {
    return this.markings[0]?.scanFrom;
  }

  /** Starts marking rows Kafka just committed. */
  add(rows: PublishedRow[], mark: (rows: PublishedRow[]) => Promise<void>, scanFrom?: ScanFrom): void {
    const marking: Marking = { rows, scanFrom, done: Promise.resolve() };
    marking.done = mark(rows).then(
      () => this.remove(marking),
      (error: unknown) => {
        this.failure ??= error;
        throw error;
      },
    );
    marking.done.catch(() => undefined); // surfaced by throwIfFailed() or waitFor()
    this.markings.push(marking);
    this.rowCount += rows.length;
  }

  /** Rejects with the first marking that failed: the relay must start over. */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * Waits (oldest first) until fewer than `maxMarkings` markings and at most `maxRows` rows are in
   * flight: a position stays small, and so does what a database outage leaves to recovery.
   */
  async waitFor(maxMarkings: number, maxRows: number): Promise<void> {
    while (this.markings.length > 0 && (this.markings.length >= maxMarkings || this.rowCount > maxRows)) {
      this.throwIfFailed();
      await this.markings[0].done;
    }
  }

  /** Waits for every marking to succeed or fail. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.markings.map((marking) => marking.done));
  }

  clear(): void {
    this.markings = [];
    this.rowCount = 0;
    this.failure = undefined;
  }

  private remove(marking: Marking): void {
    const index = this.markings.indexOf(marking);
    if (index < 0) return; // cleared meanwhile
    this.markings.splice(index, 1);
    this.rowCount -= marking.rows.length;
  }
}
