import { IsolationLevel, KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions, KafkaTopicSpec } from '../config/kafka-module.options';
import { KAFKA_CLIENT } from '../kafka.constants';
import { connectWithRetry } from '../retry/connect-with-retry';
import { retryWithBackoff } from '../retry/retry-with-backoff';
import { withTimeout } from '../retry/with-timeout';
import { readCommittedOffsets } from './group-offsets.reader';

/** Where one partition starts and ends (offsets). */
export interface PartitionEnds {
  low: bigint;
  high: bigint;
  /** The last stable offset: `high` once no transaction on the partition is open or being settled. */
  stable: bigint;
}

/**
 * Creates the configured topics at start-up (retrying in the background while the cluster is
 * unreachable), tells when topics can be consumed, and whether the cluster answers right now.
 */
@Injectable()
export class KafkaAdminService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaAdminService.name);
  private readonly shutdown = new AbortController();
  private connected?: Promise<KafkaJS.Admin>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaJS.Kafka,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  onModuleInit(): void {
    const signal = this.shutdown.signal;
    this.connected = connectWithRetry(() => this.kafka.admin(), {
      what: 'connect the Kafka admin client', logger: this.logger, signal, maxDelayMs: 2_000,
    });
    // Someone else (operators, the other app) may create a topic first: that is fine too.
    void this.connected
      .then((admin) => retryWithBackoff(() => this.createMissingTopics(admin, this.options.topics ?? []), {
        what: 'create topics', logger: this.logger, signal, maxDelayMs: 5_000,
      }))
      .catch(() => undefined);
  }

  /**
   * Resolves once every topic exists and each partition has a leader, whoever created it. A
   * consumer that subscribes earlier sees "Unknown topic or partition" and idles until its next
   * metadata refresh.
   */
  async whenTopicsExist(topics: string[], signal: AbortSignal): Promise<void> {
    const admin = await this.connected;
    if (!admin) throw new Error('Kafka admin client is not started');
    await retryWithBackoff(async () => {
      const { length } = await admin.fetchTopicMetadata({ topics, timeout: 5_000 }).then((found) =>
        found.filter((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0)));
      if (length < topics.length) throw new Error(`topics ${topics.join(', ')} have no leaders yet`);
    }, { what: `find topics ${topics.join(', ')}`, logger: this.logger, signal, maxDelayMs: 1_000 });
  }

  /** Asks the cluster for its topics: throws when no broker answers within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    const admin = await this.connectedAdmin(timeoutMs);
    await withTimeout(admin.listTopics({ timeout: timeoutMs }), timeoutMs, 'listing topics');
  }

  /** How many partitions `topic` has now (a metadata request). */
  async partitionCount(topic: string, timeoutMs = 5_000): Promise<number> {
    const admin = await this.connectedAdmin(timeoutMs);
    const [metadata] = await admin.fetchTopicMetadata({ topics: [topic], timeout: timeoutMs });
    return metadata?.partitions.length ?? 0;
  }

  /**
   * Per partition of `topic`: where it starts, where it ends (the high watermark) and its last
   * stable offset — the end a read_committed consumer sees, below the high watermark while a
   * transaction on the partition is open or its markers are still being written.
   *
   * Two requests, the stable offsets first: a commit's markers are written after the commit
   * returns, and asked the other way round (or at once) a marker landing between the answers
   * shows a stable offset past the high watermark, a partition looking settled whose last entry
   * is still the record. This way round such a moment only looks unsettled.
   */
  async partitionEnds(topic: string, timeoutMs = 5_000): Promise<Map<number, PartitionEnds>> {
    const admin = await this.connectedAdmin(timeoutMs);
    const committed = await admin.fetchTopicOffsets(topic, { timeout: timeoutMs, isolationLevel: IsolationLevel.READ_COMMITTED });
    const uncommitted = await admin.fetchTopicOffsets(topic, { timeout: timeoutMs, isolationLevel: IsolationLevel.READ_UNCOMMITTED });
    const stable = new Map(committed.map(({ partition, high }) => [partition, BigInt(high)]));
    return new Map(uncommitted.map(({ partition, low, high }) =>
      [partition, { low: BigInt(low), high: BigInt(high), stable: stable.get(partition) ?? 0n }]));
  }

  /**
   * The offsets consumer group `groupId` committed on `topic`, by partition (those it never
   * committed on are left out). Through a consumer of the group that never joins it, not the
   * admin API, whose NOT_COORDINATOR answer crashes librdkafka 2.15 (see readCommittedOffsets).
   */
  committedOffsets(groupId: string, topic: string, timeoutMs = 5_000): Promise<Map<number, bigint>> {
    return readCommittedOffsets(this.options.brokers, groupId, topic, timeoutMs);
  }

  private async connectedAdmin(timeoutMs: number): Promise<KafkaJS.Admin> {
    if (!this.connected) throw new Error('Kafka admin client is not started');
    return withTimeout(this.connected, timeoutMs, 'connecting to Kafka');
  }

  private async createMissingTopics(admin: KafkaJS.Admin, topics: KafkaTopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const existing = new Set(await admin.listTopics({ timeout: 5_000 }));
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return;
    await admin.createTopics({ topics: missing, timeout: 10_000 });
    this.logger.log(`created topics ${missing.map((spec) => spec.topic).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connected?.then((admin) => admin.disconnect()).catch(() => undefined);
  }
}
