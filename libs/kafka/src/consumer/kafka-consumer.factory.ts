import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable } from '@nestjs/common';
import { KafkaAdminService } from '../admin/kafka-admin.service';
import { KAFKA_CLIENT } from '../kafka.constants';
import { BatchConsumer } from './batch-consumer';
import { BatchConsumerOptions } from './batch-handler';
import { ConsumerStatistics } from './consumer-statistics';

/** Builds group consumers with offsets committed only after processing (auto-commit off). */
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
        autoCommit: false,
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
      // librdkafka prefetches up to 64 MiB by default; 16 MiB keeps a busy consumer far ahead
      // of the database and the process small.
      'queued.max.messages.kbytes': 16_384,
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
