import { crc32 } from 'node:zlib';

/**
 * The partition librdkafka's default partitioner (`consistent_random`) gives a keyed message: the
 * CRC-32 of the key modulo the topic's partition count. A writer that picks partitions itself
 * (the outbox relay, which keeps writing to a topic's old partitions after more were added) picks
 * exactly those librdkafka would have picked with that count.
 */
export function keyPartition(key: string | Buffer, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) throw new RangeError(`not a partition count: ${partitionCount}`);
  return crc32(key) % partitionCount;
}
