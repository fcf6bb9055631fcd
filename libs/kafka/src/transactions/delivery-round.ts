/** Where one message landed. */
export interface PublishedRecord {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The delivery reports of one transaction's messages. Each message is produced with a sequence
 * number as its opaque value (numbers cost librdkafka's binding no object per message); the round
 * starts at the first and grows as messages are added, so a late report of an earlier round is
 * recognised and ignored. Settles once it is sealed and every message was reported, or at the
 * first failed delivery.
 */
export class DeliveryRound {
  private readonly landed: PublishedRecord[] = [];
  private count = 0;
  private outstanding = 0;
  private sealed = false;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  /** Resolves when sealed and every message was acknowledged; rejects with the first delivery error. */
  readonly delivered: Promise<void>;

  constructor(readonly first: number) {
    this.delivered = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.delivered.catch(() => undefined); // awaited by the publisher, or dropped with the round
  }

  /** The sequence number of the next message added. */
  get next(): number {
    return this.first + this.count;
  }

  /** Counts one more message, produced with the sequence number `next` had. */
  add(): void {
    if (this.sealed) throw new Error('the round is sealed');
    this.count++;
    this.outstanding++;
  }

  /** No more messages: `delivered` settles once those added are reported. */
  seal(): void {
    this.sealed = true;
    if (this.outstanding === 0) this.resolve();
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
    if (--this.outstanding === 0 && this.sealed) this.resolve();
    return true;
  }

  /** Where each message landed, in the order produced (complete once `delivered` resolved). */
  records(): PublishedRecord[] {
    return this.landed;
  }
}
