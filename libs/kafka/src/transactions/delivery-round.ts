/** Where one message landed. */
export interface PublishedRecord {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The delivery reports of one transaction's messages. Each message is produced with a sequence
 * number as its opaque value (numbers cost librdkafka's binding no object per message); the round
 * knows its range, so a late report of an earlier round is recognised and ignored. Settles once
 * every message was reported, or at the first failed delivery.
 */
export class DeliveryRound {
  private readonly landed: PublishedRecord[];
  private outstanding: number;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  /** Resolves when every message was acknowledged; rejects with the first delivery error. */
  readonly delivered: Promise<void>;

  constructor(readonly first: number, readonly count: number) {
    this.landed = new Array<PublishedRecord>(count);
    this.outstanding = count;
    this.delivered = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.delivered.catch(() => undefined); // awaited by the publisher, or dropped with the round
    if (count === 0) this.resolve();
  }

  /** Takes one delivery report; false when it belongs to another round. */
  report(sequence: number, error: unknown, topic: string, partition: number, offset: number): boolean {
    const index = sequence - this.first;
    if (!(index >= 0 && index < this.count) || this.landed[index] !== undefined) return false;
    if (error) {
      this.reject(error);
      return true;
    }
    this.landed[index] = { topic, partition, offset: String(offset) };
    if (--this.outstanding === 0) this.resolve();
    return true;
  }

  /** Where each message landed, in the order produced (complete once `delivered` resolved). */
  records(): PublishedRecord[] {
    return this.landed;
  }
}
