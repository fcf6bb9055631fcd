import { keyPartition } from '@voucher-bridge/kafka';

/** What `cover` did with a topic's pin. */
export type CoverOutcome = 'kept' | 'pinned' | 'shrunk';

/**
 * How many partitions of each topic the relay writes to, and so which partition a voucher's
 * events go to: its key's partition with that count (`keyPartition`, the one librdkafka would
 * pick). A topic keeps its count when partitions are added to it — a voucher's next event then
 * still lands after its earlier ones — until `PartitionGrowth` saw every reader read the old
 * partitions to their end and pins the new count. The counts travel in the relay's position, so
 * a relay that takes over keeps them.
 */
export class PartitionPins {
  private pins = new Map<string, number>();

  /** The counts a relay before this one wrote to (its last committed position). */
  seed(counts: ReadonlyMap<string, number>): void {
    this.pins = new Map(counts);
  }

  /**
   * Called with the partition count a topic has when the relay first writes to it: a topic
   * without a pin gets that count; a pin above it (the topic was deleted and created again
   * with fewer partitions: no order left to keep) comes down to it.
   */
  cover(topic: string, partitionCount: number): CoverOutcome {
    const pinned = this.pins.get(topic);
    if (pinned === undefined || pinned > partitionCount) {
      this.pins.set(topic, partitionCount);
      return pinned === undefined ? 'pinned' : 'shrunk';
    }
    return 'kept';
  }

  pin(topic: string, partitionCount: number): void {
    this.pins.set(topic, partitionCount);
  }

  /** The partition a message with `key` goes to on `topic` (covered before). */
  partitionFor(topic: string, key: string): number {
    const count = this.pins.get(topic);
    if (count === undefined) throw new Error(`no partition count pinned for ${topic}`);
    return keyPartition(key, count);
  }

  entries(): [string, number][] {
    return [...this.pins];
  }

  clear(): void {
    this.pins = new Map();
  }
}
