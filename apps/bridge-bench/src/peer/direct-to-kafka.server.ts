import { KafkaJS } from '@confluentinc/kafka-javascript';
import { createServer } from 'node:http';

/**
 * The bench's peer: the seed design without the outbox. A bare HTTP handler that sends each
 * purchase straight to Kafka (idempotent producer, acks=all) and answers 202 after the broker's
 * ack, with no database and no outage tolerance: what durability through the outbox costs is the
 * gap between this and the gateway, measured in the same run under the same load.
 * Env: PEER_PORT, KAFKA_BROKERS, PEER_TOPIC.
 */
async function main(): Promise<void> {
  const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: String(process.env.KAFKA_BROKERS).split(','), logLevel: KafkaJS.logLevel.ERROR } });
  const producer = kafka.producer({ kafkaJS: { idempotent: true, acks: -1, compression: KafkaJS.CompressionTypes.LZ4 }, 'linger.ms': 5 });
  const topic = String(process.env.PEER_TOPIC);
  // Same shape as the gateway's topic (6 partitions), so only the path differs.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }] });
  await admin.disconnect();
  await producer.connect();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let purchase: { voucherCode?: unknown };
      try {
        purchase = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      producer.send({ topic, messages: [{ key: String(purchase.voucherCode), value: JSON.stringify(purchase) }] }).then(
        () => response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}'),
        () => response.writeHead(503).end(),
      );
    });
  });
  server.listen(Number(process.env.PEER_PORT), '127.0.0.1', () => process.send?.('ready'));
  process.on('SIGTERM', () => server.close(() => void producer.disconnect().then(() => process.exit(0))));
}

void main();
