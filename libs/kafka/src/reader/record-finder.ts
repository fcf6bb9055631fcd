import { consumeSome, connectRawConsumer, disconnectRawConsumer, partitionsOf, watermarks } from './raw-consumer';
import { RecordLocation } from './record-location';

/**
 * Each partition's end offset now (decimal strings, by partition): no record written from now on
 * can land before it.
 */
export async function endOffsets(brokers: string[], topic: string, timeoutMs = 10_000): Promise<Map<number, string>> {
  const consumer = await connectRawConsumer(brokers, `${topic}.offset-reader`, timeoutMs);
  try {
    const ends = new Map<number, string>();
    for (const partition of await partitionsOf(consumer, topic, timeoutMs)) {
      ends.set(partition, String((await watermarks(consumer, topic, partition, timeoutMs)).highOffset));
    }
    return ends;
  } finally {
    await disconnectRawConsumer(consumer);
  }
}

/**
 * Where the committed records whose header `header` has one of the `wanted` values landed (by
 * that value). Reads every partition of `topic` from its offset in `from` (from the partition's
 * start where `from` has none) to its end, and stops early once all were found. A value found
 * in several records keeps the first.
 */
export async function findRecordsByHeader(
  brokers: string[], topic: string, header: string, wanted: ReadonlySet<string>, from: ReadonlyMap<number, string>, timeoutMs = 60_000,
): Promise<Map<string, RecordLocation>> {
  const found = new Map<string, RecordLocation>();
  if (wanted.size === 0) return found;
  const deadline = Date.now() + timeoutMs;
  const consumer = await connectRawConsumer(brokers, `${topic}.record-finder`, timeoutMs);
  const reading = new Set<number>();
  const onEof = (eof: { topic: string; partition: number }) => {
    if (eof.topic === topic) reading.delete(eof.partition);
  };
  consumer.on('partition.eof', onEof);
  try {
    const assignments = [];
    for (const partition of await partitionsOf(consumer, topic, timeoutMs)) {
      const offset = from.get(partition) ?? String((await watermarks(consumer, topic, partition, timeoutMs)).lowOffset);
      assignments.push({ topic, partition, offset: Number(offset) });
      reading.add(partition);
    }
    consumer.assign(assignments);
    while (reading.size > 0 && found.size < wanted.size) {
      if (Date.now() > deadline) throw new Error(`looking for ${wanted.size - found.size} records on ${topic} timed out`);
      for (const message of await consumeSome(consumer, 1_000)) {
        if (message.topic !== topic) continue;
        const value = headerValue(message.headers, header);
        if (value !== undefined && wanted.has(value) && !found.has(value)) {
          found.set(value, { topic, partition: message.partition, offset: String(message.offset) });
        }
      }
    }
    return found;
  } finally {
    consumer.removeListener('partition.eof', onEof);
    consumer.unassign();
    await disconnectRawConsumer(consumer);
  }
}

function headerValue(headers: { [name: string]: unknown }[] | undefined, name: string): string | undefined {
  for (const entry of headers ?? []) {
    if (Object.hasOwn(entry, name)) return String(entry[name]);
  }
  return undefined;
}
