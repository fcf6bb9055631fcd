import type { KafkaConsumer, LibrdKafkaError, TopicPartition, TopicPartitionOffsetAndMetadata } from '@confluentinc/kafka-javascript';
import { setTimeout as delay } from 'node:timers/promises';
import { connectRawConsumer, disconnectRawConsumer, partitionsOf } from '../reader/raw-consumer';

/**
 * The offsets consumer group `groupId` committed on `topic`, by partition (those it never
 * committed on are left out), asked through a consumer of that group that never joins it
 * (librdkafka's `committed()`: an OffsetFetch through the client's own group handle, no
 * JoinGroup, no heartbeat).
 *
 * Not through the admin API's ListConsumerGroupOffsets (`fetchOffsets`): when the group's
 * coordinator answers NOT_COORDINATOR (moved to another broker, or still loading), librdkafka
 * 2.15 asks the client's consumer group to look the coordinator up again, and an admin client has
 * none: it dereferences a null pointer and the process ends with SIGSEGV (librdkafka#5040,
 * confluent-kafka-javascript#374, open). A gateway holding its relay for partitions added ended
 * that way twice in chaos runs (a core dump showed the frame). A consumer has its group handle.
 */
export async function readCommittedOffsets(brokers: string[], groupId: string, topic: string, timeoutMs: number): Promise<Map<number, bigint>> {
  const consumer = await connectRawConsumer(brokers, groupId, timeoutMs);
  try {
    const partitions = await partitionsOf(consumer, topic, timeoutMs);
    const committed = await committedWhileCoordinatorMoves(consumer, partitions.map((partition) => ({ topic, partition })), Date.now() + timeoutMs);
    const offsets = new Map<number, bigint>();
    // The binding puts an Error in place of a partition that failed, and leaves `offset` out of a
    // partition the group never committed on.
    for (const entry of committed as (TopicPartitionOffsetAndMetadata | Error)[]) {
      if (entry instanceof Error) throw entry;
      if (entry.offset !== undefined && entry.offset >= 0) offsets.set(entry.partition, BigInt(entry.offset));
    }
    return offsets;
  } finally {
    await disconnectRawConsumer(consumer);
  }
}

/** COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, and librdkafka's own "waiting for the coordinator". */
const COORDINATOR_MOVING = new Set([14, 15, 16, -180]);

/**
 * The group's committed offsets, asked again (every 100 ms, until `deadline`) while the group's
 * coordinator is being found: the first question a new client asks about a group is often
 * answered NOT_COORDINATOR, and the client looks the coordinator up meanwhile.
 */
async function committedWhileCoordinatorMoves(consumer: KafkaConsumer, partitions: TopicPartition[], deadline: number): Promise<TopicPartitionOffsetAndMetadata[]> {
  for (;;) {
    try {
      return await new Promise<TopicPartitionOffsetAndMetadata[]>((resolve, reject) =>
        consumer.committed(partitions, Math.max(1, deadline - Date.now()), (error, found) => (error ? reject(error) : resolve(found))));
    } catch (error) {
      if (!COORDINATOR_MOVING.has((error as LibrdKafkaError).code) || Date.now() + 100 >= deadline) throw error;
      await delay(100);
    }
  }
}
