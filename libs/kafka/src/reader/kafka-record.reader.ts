import { KafkaConsumer, Message } from '@confluentinc/kafka-javascript';
import { Inject, Injectable } from '@nestjs/common';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { consumeSome, connectRawConsumer, disconnectRawConsumer } from './raw-consumer';
import { RecordLocation, StoredRecord } from './record-location';

/**
 * Reads single records back by topic, partition and offset — for replaying a dead letter from
 * its source. The raw consumer (like the committed-tail reader): it assigns a partition at an
 * offset without joining a group and reports the end of the partition, read_committed like every
 * reader of ours. A record that is gone (retention, compaction) or was never committed (an
 * aborted transaction) comes back as undefined.
 */
@Injectable()
export class KafkaRecordReader {
  constructor(@Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions) {}

  /** The records at these locations, in the same order; one connection for all of them. */
  async read(locations: RecordLocation[], timeoutMs = 10_000): Promise<(StoredRecord | undefined)[]> {
    if (locations.length === 0) return [];
    // One record is wanted: fetch little.
    const consumer = await connectRawConsumer(this.options.brokers, `${this.options.clientId}.record-reader`, timeoutMs, { 'fetch.max.bytes': 1_048_576 });
    try {
      const records: (StoredRecord | undefined)[] = [];
      for (const location of locations) records.push(await readOne(consumer, location, Date.now() + timeoutMs));
      return records;
    } finally {
      await disconnectRawConsumer(consumer);
    }
  }
}

async function readOne(consumer: KafkaConsumer, { topic, partition, offset }: RecordLocation, deadline: number): Promise<StoredRecord | undefined> {
  const wanted = BigInt(offset);
  let reachedEnd = false;
  const onEof = (eof: { topic: string; partition: number }) => {
    if (eof.topic === topic && eof.partition === partition) reachedEnd = true;
  };
  consumer.on('partition.eof', onEof);
  consumer.assign([{ topic, partition, offset: Number(wanted) }]);
  try {
    while (!reachedEnd) {
      if (Date.now() > deadline) throw new Error(`reading ${topic}[${partition}]@${offset} timed out`);
      const messages = await consumeSome(consumer, 10);
      for (const message of messages) {
        if (message.topic !== topic || message.partition !== partition) continue;
        const at = BigInt(message.offset);
        if (at === wanted) return toStoredRecord(message);
        // Past it: the offset held no committed record (a transaction marker or an aborted one).
        if (at > wanted) return undefined;
      }
    }
    return undefined;
  } finally {
    consumer.removeListener('partition.eof', onEof);
    consumer.unassign();
  }
}

function toStoredRecord(message: Message): StoredRecord {
  const headers: Record<string, string> = {};
  for (const header of message.headers ?? []) {
    for (const [name, value] of Object.entries(header)) headers[name] = String(value);
  }
  return {
    topic: message.topic, partition: message.partition, offset: String(message.offset),
    key: message.key === undefined || message.key === null ? null : Buffer.from(message.key),
    value: message.value ?? null, headers,
  };
}
