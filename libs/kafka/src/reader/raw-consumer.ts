import { KafkaConsumer, LibrdKafkaError, Message } from '@confluentinc/kafka-javascript';
import { BROKER_CONNECTION_SETTINGS } from '../config/broker-connection.settings';
import { viaCallback } from '../via-callback';

/**
 * A connected raw consumer of @confluentinc/kafka-javascript for reading partitions directly:
 * it assigns partitions at offsets without joining a group, reads committed records only, and
 * reports reaching the end of a partition (for read_committed, the last stable offset).
 */
export async function connectRawConsumer(
  brokers: string[], groupId: string, timeoutMs: number, settings: Record<string, string | number> = {},
): Promise<KafkaConsumer> {
  const consumer = new KafkaConsumer({
    'bootstrap.servers': brokers.join(','),
    // Required by the client, never used: partitions are assigned, nothing is committed.
    'group.id': groupId,
    'enable.auto.commit': false,
    'isolation.level': 'read_committed',
    'enable.partition.eof': true,
    ...BROKER_CONNECTION_SETTINGS,
    ...settings,
  }, {});
  // A consume call returns at the end of the partitions, or once nothing came for this long.
  consumer.setDefaultConsumeTimeout(200);
  await viaCallback((done) => consumer.connect({ timeout: timeoutMs }, done));
  return consumer;
}

export function disconnectRawConsumer(consumer: KafkaConsumer): Promise<void> {
  // Resolves whatever the outcome: the consumer is dropped either way.
  return viaCallback((done) => consumer.disconnect(() => done()));
}

export function partitionsOf(consumer: KafkaConsumer, topic: string, timeoutMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => consumer.getMetadata({ topic, timeout: timeoutMs }, (error, metadata) => {
    if (error) return reject(error);
    const found = metadata.topics.find((t) => t.name === topic);
    if (!found || found.partitions.length === 0) return reject(new Error(`topic ${topic} has no partitions (does it exist?)`));
    resolve(found.partitions.map((p) => p.id).sort((a, b) => a - b));
  }));
}

export function watermarks(consumer: KafkaConsumer, topic: string, partition: number, timeoutMs: number): Promise<{ lowOffset: number; highOffset: number }> {
  return new Promise((resolve, reject) =>
    consumer.queryWatermarkOffsets(topic, partition, timeoutMs, (error, offsets) => (error ? reject(error) : resolve(offsets))));
}

export function consumeSome(consumer: KafkaConsumer, max: number): Promise<Message[]> {
  return new Promise<Message[]>((resolve, reject) =>
    consumer.consume(max, (error: LibrdKafkaError, batch: Message[]) => (error ? reject(error) : resolve(batch))));
}
