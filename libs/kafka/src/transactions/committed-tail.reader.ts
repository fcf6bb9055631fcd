import { KafkaConsumer, LibrdKafkaError, Message } from '@confluentinc/kafka-javascript';

/** How far back from the end the first look starts; widened while it finds nothing committed. */
const FIRST_WINDOW = 64;

/**
 * Reads the last committed record of partition 0 of a topic (read_committed: records of aborted
 * or still open transactions are skipped). For small position topics written once per
 * transaction: only the tail is read, not the whole topic.
 *
 * The raw consumer of @confluentinc/kafka-javascript, not its KafkaJS-style one: it can assign a
 * partition at an offset without joining a group, and it reports reaching the end (for
 * read_committed, the last stable offset), so "nothing more" needs no guessing with timeouts.
 */
export async function readLastCommitted(brokers: string[], topic: string, timeoutMs: number): Promise<Buffer | undefined> {
  const consumer = new KafkaConsumer({
    'bootstrap.servers': brokers.join(','),
    // Required by the client, never used: partitions are assigned, nothing is committed.
    'group.id': `${topic}.tail-reader`,
    'enable.auto.commit': false,
    'isolation.level': 'read_committed',
    'enable.partition.eof': true,
  }, {});
  // A consume call returns at the end of the partition, or once nothing came for this long.
  consumer.setDefaultConsumeTimeout(200);
  const deadline = Date.now() + timeoutMs;
  await new Promise<void>((resolve, reject) => consumer.connect({ timeout: timeoutMs }, (error) => (error ? reject(error) : resolve())));
  try {
    const { lowOffset, highOffset } = await new Promise<{ lowOffset: number; highOffset: number }>((resolve, reject) =>
      consumer.queryWatermarkOffsets(topic, 0, timeoutMs, (error, offsets) => (error ? reject(error) : resolve(offsets))));
    let from = Math.max(lowOffset, highOffset - FIRST_WINDOW);
    for (;;) {
      if (from >= highOffset) return undefined;
      const last = await readToEnd(consumer, topic, from, deadline);
      if (last !== undefined || from === lowOffset) return last;
      from = Math.max(lowOffset, from - (highOffset - from) * 8);
    }
  } finally {
    await new Promise<void>((resolve) => consumer.disconnect(() => resolve()));
  }
}

/** The value of the last record from `from` to the end of partition 0, or undefined. */
async function readToEnd(consumer: KafkaConsumer, topic: string, from: number, deadline: number): Promise<Buffer | undefined> {
  let reachedEnd = false;
  const onEof = (eof: { topic: string; partition: number }) => {
    if (eof.topic === topic && eof.partition === 0) reachedEnd = true;
  };
  consumer.on('partition.eof', onEof);
  consumer.assign([{ topic, partition: 0, offset: from }]);
  let last: Buffer | undefined;
  try {
    while (!reachedEnd) {
      if (Date.now() > deadline) throw new Error(`reading the end of ${topic} timed out`);
      const messages = await new Promise<Message[]>((resolve, reject) =>
        consumer.consume(500, (error: LibrdKafkaError, batch: Message[]) => (error ? reject(error) : resolve(batch))));
      for (const message of messages) {
        if (message.topic === topic && message.partition === 0 && message.value) last = message.value;
      }
    }
    return last;
  } finally {
    consumer.removeListener('partition.eof', onEof);
    consumer.unassign();
  }
}
