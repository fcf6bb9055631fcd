import { Producer } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BROKER_CONNECTION_SETTINGS, DEFAULT_DELIVERY_TIMEOUT_MS, PRODUCE_ACK_TIMEOUT_MS } from '../config/broker-connection.settings';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { endOffsets, findRecordsByHeader } from '../reader/record-finder';
import type { RecordLocation } from '../reader/record-location';
import { QuietLogger } from '../logging/quiet-logger';
import { readLastCommitted } from './committed-tail.reader';
import { TransactionalPublisher } from './transactional-publisher';
import { viaCallback } from '../via-callback';

/** Fencing an earlier holder of the id aborts its open transaction first: give the broker time. */
const INIT_TRANSACTIONS_TIMEOUT_MS = 15_000;

/**
 * Exactly-once publishing (the way Kafka Connect's exactly-once source connectors do it,
 * KIP-618): a transactional producer with a fixed id per writer, whose records and whose
 * position (a record on a position topic) commit in one Kafka transaction; a new holder of the
 * id fences the old one and resumes from the last committed position.
 */
@Injectable()
export class KafkaTransactionsService {
  /** librdkafka repeats a broker's absence ten times a second: logged once per 30 s. */
  private readonly librdkafkaLog = new QuietLogger(new Logger('KafkaTransactions'), 30_000);

  constructor(@Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions) {}

  /**
   * Connects a new transactional producer for `transactionalId`. Its initTransactions fences
   * every earlier producer of that id (their open transaction is aborted, their next send or
   * commit fails) and settles a commit they left half done. Rejects while the cluster is away.
   */
  async open(transactionalId: string): Promise<TransactionalPublisher> {
    const deliveryTimeoutMs = this.options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
    const producer = new Producer({
      'bootstrap.servers': this.options.brokers.join(','),
      'client.id': this.options.clientId,
      // Transactional producers are idempotent (acks=all) by definition.
      'transactional.id': transactionalId,
      'enable.idempotence': true,
      acks: -1,
      'compression.codec': 'lz4',
      // librdkafka refuses a delivery timeout longer than the transaction timeout.
      'transaction.timeout.ms': Math.max(60_000, deliveryTimeoutMs),
      'message.timeout.ms': deliveryTimeoutMs,
      // Lingering lets a transaction's messages, produced one call at a time, leave in a few large
      // batches: with 0 they left in many small requests (relaying 100k rows, two interleaved pairs
      // of runs on a loaded machine: broker CPU 13.4-17.9 s with 0, 11.6-12.6 s with 5; waiting
      // for a 1,000-row transaction's acknowledgements 290-460 ms with 0, ~205 ms with 5). Since
      // the publisher awaits the acknowledgements itself (no flush hurries the last messages out),
      // measured again: relay phase 13,364 / 13,620 msg/s with 5, 13,826 / 12,513 with 1, 9,629 /
      // 11,605 with 0.
      'linger.ms': 5,
      ...BROKER_CONNECTION_SETTINGS,
      'request.timeout.ms': PRODUCE_ACK_TIMEOUT_MS,
      dr_cb: true,
    });
    producer.on('event.error', (error) => this.librdkafkaLog.warn(`transactional producer ${transactionalId}: ${error.message}`));
    try {
      await viaCallback((done) => producer.connect({ timeout: 10_000 }, done));
      await viaCallback((done) => producer.initTransactions(INIT_TRANSACTIONS_TIMEOUT_MS, done));
      producer.setPollInBackground(true);
    } catch (error) {
      await viaCallback((done) => producer.disconnect(5_000, done)).catch(() => undefined);
      throw error;
    }
    return new TransactionalPublisher(producer, transactionalId, deliveryTimeoutMs + 5_000);
  }

  /** The last committed record's value of partition 0 of `topic` (read_committed), if any. */
  lastCommitted(topic: string, timeoutMs = 10_000): Promise<Buffer | undefined> {
    return readLastCommitted(this.options.brokers, topic, timeoutMs);
  }

  /** Each partition's end offset now: no record written from now on lands before it. */
  endOffsets(topic: string): Promise<Map<number, string>> {
    return endOffsets(this.options.brokers, topic);
  }

  /**
   * Where the committed records whose `header` has one of the `wanted` values landed, looking in
   * each partition from its offset in `from` (from its start where it has none).
   */
  findRecords(topic: string, header: string, wanted: ReadonlySet<string>, from: ReadonlyMap<number, string>): Promise<Map<string, RecordLocation>> {
    return findRecordsByHeader(this.options.brokers, topic, header, wanted, from);
  }
}
