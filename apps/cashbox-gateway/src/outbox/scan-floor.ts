import type { PublishedRow, ScanFrom } from './relay-position';

/**
 * Per topic and partition, an offset before which none of the relay's next records can land: the
 * partition's end offset when the relay first wrote to the topic, then one past the last record
 * it landed there. A position carries the floor taken before its oldest named transaction, so a
 * new relay finds the named rows' records by reading forward from there, not the whole topic.
 */
export class ScanFloor {
  private floors: ScanFrom = new Map();

  covers(topic: string): boolean {
    return this.floors.has(topic);
  }

  /** Starts a topic at its partitions' end offsets, read before writing to it. */
  start(topic: string, endOffsets: Map<number, string>): void {
    this.floors.set(topic, new Map(endOffsets));
  }

  /** Past the records just landed. */
  advance(rows: readonly PublishedRow[]): void {
    for (const row of rows) {
      const partitions = this.floors.get(row.topic) ?? new Map<number, string>();
      this.floors.set(row.topic, partitions);
      const next = BigInt(row.offset) + 1n;
      const current = partitions.get(row.partition);
      if (current === undefined || BigInt(current) < next) partitions.set(row.partition, String(next));
    }
  }

  snapshot(): ScanFrom {
    return new Map([...this.floors].map(([topic, partitions]) => [topic, new Map(partitions)]));
  }

  /** Forgets every topic: after a failure the topic may have been recreated, its offsets restarted. */
  clear(): void {
    this.floors = new Map();
  }

  /** Per partition the lower of the two (a partition only one of them has keeps its offset). */
  static lowest(a: ScanFrom, b: ScanFrom): ScanFrom {
    const merged: ScanFrom = new Map([...a].map(([topic, partitions]) => [topic, new Map(partitions)]));
    for (const [topic, partitions] of b) {
      const into = merged.get(topic) ?? new Map<number, string>();
      merged.set(topic, into);
      for (const [partition, offset] of partitions) {
        const current = into.get(partition);
        if (current === undefined || BigInt(offset) < BigInt(current)) into.set(partition, offset);
      }
    }
    return merged;
  }
}
