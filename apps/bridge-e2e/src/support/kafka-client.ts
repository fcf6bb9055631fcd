import { KafkaJS } from '@confluentinc/kafka-javascript';
import { readCommittedOffsets } from '@voucher-bridge/kafka';
import { eventually } from './eventually';
import { TEST_KAFKA_BROKERS } from './test-environment';

// The specs talk to the broker directly to inject records and read offsets, as an operator's
// tool would; the apps themselves only use @voucher-bridge/kafka.
const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [TEST_KAFKA_BROKERS], logLevel: KafkaJS.logLevel.ERROR } });

export async function produce(topic: string, messages: KafkaJS.Message[]): Promise<void> {
  const producer = kafka.producer({ kafkaJS: { idempotent: true, acks: -1 } });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/**
 * The group's committed offset per partition (partitions it never committed on left out). Not
 * through the admin API: its NOT_COORDINATOR answer crashes librdkafka 2.15, the same for a test
 * process as for the gateway (see libs/kafka/src/admin/group-offsets.reader.ts).
 */
export async function committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
  const offsets = await readCommittedOffsets([TEST_KAFKA_BROKERS], groupId, topic, 10_000);
  return new Map([...offsets].map(([partition, offset]) => [partition, Number(offset)]));
}

/** How many records the group has committed over all partitions of the topic. */
export async function committedTotal(groupId: string, topic: string): Promise<number> {
  const offsets = await committedOffsets(groupId, topic);
  return [...offsets.values()].reduce((sum, offset) => sum + Math.max(offset, 0), 0);
}

/** How many records the topic holds over all its partitions (the sum of the end offsets). */
export async function topicEndTotal(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = await admin.fetchTopicOffsets(topic);
    return partitions.reduce((sum, p) => sum + Number(p.high ?? p.offset), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface ReadRecord {
  key: string;
  value: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning until `count` records arrived (of those a `which` filter
 * keeps), or with a number, then that many ms longer (to catch any record beyond the expected
 * ones). Committed records only, like every reader of ours.
 */
export async function readRecords(
  topic: string,
  count: number,
  whichOrSettleMs: ((record: ReadRecord) => boolean) | number = 0,
): Promise<ReadRecord[]> {
  const which = typeof whichOrSettleMs === 'function' ? whichOrSettleMs : () => true;
  const settleMs = typeof whichOrSettleMs === 'number' ? whichOrSettleMs : 0;
  const consumer = kafka.consumer({
    kafkaJS: { groupId: `reader-${Date.now()}-${Math.random()}`, fromBeginning: true, autoCommit: false, readUncommitted: false },
  });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        const record = { key: String(message.key), value: String(message.value), partition, offset: message.offset, headers };
        if (which(record)) records.push(record);
      },
    });
    await eventually(`${count} records on ${topic}`, async () => {
      if (records.length < count) throw new Error(`${records.length} so far`);
    });
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    return [...records];
  } finally {
    await consumer.disconnect();
  }
}
