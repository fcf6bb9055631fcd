/**
 * How soon the relay's next round may begin. Each round is one Kafka transaction, and a
 * transaction's fixed cost is large next to its rows' on the broker: besides one produce request
 * per partition it touches (and the broker's check of each against the transaction, KIP-890),
 * AddPartitionsToTxn, EndTxn, a marker per partition and two writes to the transaction log. With
 * rounds back to back, a gateway accepting ~2,500 purchases/s committed ~20 transactions a second
 * of ~120 rows, and the broker spent 123-202 µs of CPU per purchase on them; spaced 100 ms apart,
 * 61-128 µs, and the gateway accepted more in five of six alternating pairs of the bench's accept
 * phase (2,094-3,442 against 1,863-2,889 purchases/s on the same two cores, 2026-12-07).
 *
 * Spacing costs latency, so only a busy outbox gets it: while rows arrive at `busyRate` a second
 * or more, a round begins `busyRoundMs` after the one before began, no sooner. A quieter outbox
 * is relayed as soon as rows come (the push latency is measured at 500 purchases/s). The rate is
 * the last round's rows over the time since the round before it began, which is when they were
 * accepted in either case: spaced or not, the same rate gives the same answer. A full batch
 * means a backlog, which fills large transactions by itself: the relay does not ask then.
 */
export class RoundPacing {
  private startedAt = Number.NaN;
  private previousStartedAt = Number.NaN;
  private busy = false;

  constructor(
    /** Rows per second from which rounds are spaced; 0 never spaces them. */
    private readonly busyRate: number,
    private readonly busyRoundMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A round begins. */
  started(): void {
    this.previousStartedAt = this.startedAt;
    this.startedAt = this.now();
  }

  /** The round that began last carried `rows` rows. */
  finished(rows: number): void {
    const sinceBefore = this.startedAt - this.previousStartedAt;
    // NaN (the first round) compares false: not busy.
    this.busy = this.busyRate > 0 && sinceBefore > 0 && (rows * 1000) / sinceBefore >= this.busyRate;
  }

  /** Milliseconds the next round waits besides waiting for rows: 0 unless the outbox is busy. */
  delayMs(): number {
    return this.busy ? Math.max(0, this.startedAt + this.busyRoundMs - this.now()) : 0;
  }
}
