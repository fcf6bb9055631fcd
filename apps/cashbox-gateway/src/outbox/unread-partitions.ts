import type { PartitionEnds } from '@voucher-bridge/kafka';

/** A partition a consumer group has not read to its end yet. */
export interface UnreadPartition {
  partition: number;
  /** The group's committed offset; null: it never committed on this partition. */
  committed: bigint | null;
  end: bigint;
  /** A transaction on the partition is open or its markers are still being written. */
  settling: boolean;
}

/**
 * Which of partitions 0 … `partitionCount` − 1 a consumer group has not read to the end. A group
 * that handled every record has committed the end offset — or one before it when the last entry
 * is a transaction marker, which no consumer is handed and no commit passes (each of the relay's
 * transactions leaves one after its records). `endsWithRecord` tells which partitions' last entry
 * is a record instead (written by something else than the relay). An empty partition (or one whose
 * records all expired) needs no reading; one whose end is not stable yet cannot have been read.
 */
export function unreadPartitions(
  ends: ReadonlyMap<number, PartitionEnds>, committed: ReadonlyMap<number, bigint>, partitionCount: number,
  endsWithRecord: (partition: number) => boolean,
): UnreadPartition[] {
  const unread: UnreadPartition[] = [];
  for (let partition = 0; partition < partitionCount; partition++) {
    const end = ends.get(partition);
    if (!end) throw new Error(`partition ${partition} has no offsets`);
    const offset = committed.get(partition) ?? null;
    const settling = end.stable < end.high;
    const read = end.high === end.low || (offset !== null && (offset >= end.high || (offset === end.high - 1n && !endsWithRecord(partition))));
    if (!settling && read) continue;
    unread.push({ partition, committed: offset, end: end.high, settling });
  }
  return unread;
}

/** `partition 1 (committed 40 of 42)` — for a log line. */
export function describeUnread({ partition, committed, end, settling }: UnreadPartition): string {
  if (settling) return `partition ${partition} (a transaction being settled)`;
  return `partition ${partition} (committed ${committed ?? 'nothing'} of ${end})`;
}
