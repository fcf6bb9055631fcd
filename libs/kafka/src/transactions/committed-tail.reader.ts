import { KafkaConsumer } from '@confluentinc/kafka-javascript';
import { consumeSome, connectRawConsumer, disconnectRawConsumer, watermarks } from '../reader/raw-consumer';

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
  const consumer = await connectRawConsumer(brokers, `${topic}.tail-reader`, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  try {
    const { lowOffset, highOffset } = await watermarks(consumer, topic, 0, timeoutMs);
    let from = Math.max(lowOffset, highOffset - FIRST_WINDOW);
    for (;;) {
      if (from >= highOffset) return undefined;
      const last = await readToEnd(consumer, topic, from, deadline);
      if (last !== undefined || from === lowOffset) return last;
      from = Math.max(lowOffset, from - (highOffset - from) * 8);
    }
  } finally {
    await disconnectRawConsumer(consumer);
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
      const messages = await consumeSome(consumer, 500);
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
