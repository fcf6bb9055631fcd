import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable } from '@nestjs/common';
import { KafkaAdminService } from '../admin/kafka-admin.service';
import { KAFKA_CLIENT } from '../kafka.constants';
import { BatchConsumer } from './batch-consumer';
import { BatchConsumerOptions } from './batch-handler';
import { ConsumerStatistics } from './consumer-statistics';

/**
 * Offsets stored after processing are committed this often (and on revocation and leaving). Once
 * a second rather than after every batch: at 500 purchases/s the connector handled ~85 batches a
 * second, each with its own OffsetCommit round trip and __consumer_offsets append on the broker
 * (2026-12-06, bench push phase: the broker at 38-39 % of a core against 43 %).
 */
export const COMMIT_INTERVAL_MS = 1_000;

/** The most a fetch brings of one partition (compressed bytes): see createBatchConsumer. */
const PARTITION_FETCH_BYTES = 65_536;

/** Builds group consumers whose offsets are committed only after processing. */
@Injectable()
export class KafkaConsumerFactory {
  private readonly created: BatchConsumer[] = [];

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaJS.Kafka,
    private readonly admin: KafkaAdminService,
  ) {}

  /** Every consumer built so far, for the health check. */
  get consumers(): readonly BatchConsumer[] {
    return this.created;
  }

  createBatchConsumer(options: BatchConsumerOptions): BatchConsumer {
    const statistics = new ConsumerStatistics();
    // A new client per connection attempt: see connectWithRetry.
    const createConsumer = () => this.kafka.consumer({
      kafkaJS: {
        groupId: options.groupId,
        // librdkafka commits only offsets the consumer stored, and BatchConsumer stores a batch's
        // offset once its handler succeeded (the layer's resolveOffset): "auto" is the timing.
        autoCommit: true,
        autoCommitInterval: COMMIT_INTERVAL_MS,
        fromBeginning: true,
        // librdkafka reads committed records only by default, but say so: records of aborted
        // or still open transactions (a relay killed mid-transaction) must never be handled.
        readUncommitted: false,
      },
      // KIP-848 (Kafka ≥ 4.0): the broker assigns partitions, and a member that lost its
      // coordinator (a broker restart) carries on where it was instead of waiting out a classic
      // rebalance behind its own expired session — measured 30 s classic, seconds here.
      'group.protocol': 'consumer',
      'js.consumer.max.batch.size': options.maxBatchSize ?? 500,
      // Prefetch bounded: librdkafka queues up to 64 MiB and fetches 50 MiB at once by default,
      // and the JS client caches 1.5 s of records on top. A few MiB and 100 ms keep a catching-up
      // consumer ahead of the database (one batch transaction takes longer than a fetch) while
      // the process stays small. Draining 120k events: librdkafka's malloc arena 60 → 17 MiB, and
      // with the heap flags of deploy/node/eshop-connector.node-options peak RSS 1,040 → ~270
      // MiB; events/s unchanged within noise.
      'queued.max.messages.kbytes': 2_048,
      'queued.min.messages': 1_000,
      'fetch.max.bytes': 1_048_576,
      // Per partition and fetch, set under both of librdkafka's names: the KafkaJS layer sets
      // `fetch.message.max.bytes` to 10 MiB by default (its `maxBytes`), which librdkafka applies
      // after `max.partition.fetch.bytes`, the same property. So the 256 KiB bound once written
      // here never held: one fetch brought a partition's whole backlog (bench: 16,839 records,
      // 6.7 MB decompressed, past the 2 MiB queue bound) and the next partition only after it,
      // so the three batch workers mostly had one partition to work on. 64 KiB (about 1,200 of
      // our lz4-compressed records) puts every partition in each fetch. Draining 100k events
      // (register phase, alternating runs): batches in hand at once 3 for 47-48 % of the time
      // against 0 before (1: 59-67 %), peak RSS 248-250 against 266-281 MiB, 11-12k against
      // 9-11k events/s (with the 100 ms cache below 213-228 MiB).
      'max.partition.fetch.bytes': PARTITION_FETCH_BYTES,
      'fetch.message.max.bytes': PARTITION_FETCH_BYTES,
      // With the queue bounded this low it is often full, and librdkafka then leaves the
      // partitions out of its fetches for fetch.queue.backoff.ms (1 s by default): a partition
      // drained to its end left the connector idle for 150-450 ms before the next one's records
      // came. Draining 100k events (register phase, alternating runs): 9,992 / 10,409 / 10,963 /
      // 10,754 events/s with 50 ms against 8,516 / 7,822 / 7,448 with the default; the time no
      // batch was being handled 1.8-1.9 s against 2.4-3.5 s of ~10 s. (A larger prefetch, 4 MiB
      // queue and 512 KiB per partition, added nothing measurable and 15-20 MiB of RSS then; the
      // per-partition bound did not hold at the time, see above.)
      'fetch.queue.backoff.ms': 50,
      // The layer takes this many milliseconds of its workers' consumption from librdkafka per
      // fetch (at ~11 events/ms per worker, 3,000 records). 100 rather than 200: peak RSS draining
      // 100k events 213-226 against 247-250 MiB, events/s within noise (10.1-11.3k against 11.0-12.1k).
      'js.consumer.max.cache.size.per.worker.ms': 100,
      // Safety net for a topic that disappears and comes back: noticed within 10 s, not 5 min.
      'topic.metadata.refresh.interval.ms': 10_000,
      // Lag from the member's own statistics (committed vs last stable offset per partition):
      // no admin requests, which time out by the dozen while the broker is away.
      ...(options.statisticsIntervalMs
        ? { 'statistics.interval.ms': options.statisticsIntervalMs, stats_cb: (event: unknown) => statistics.update(event) }
        : {}),
    });
    // Subscribing to a topic before the cluster has its metadata leaves the member idle until
    // the next metadata refresh: wait until the topics exist and have leaders.
    const consumer = new BatchConsumer(createConsumer, options, (topics, signal) => this.admin.whenTopicsExist(topics, signal), statistics);
    this.created.push(consumer);
    return consumer;
  }
}
