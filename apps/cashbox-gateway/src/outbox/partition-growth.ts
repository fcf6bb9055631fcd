import { Injectable, Logger } from '@nestjs/common';
import { VoucherTopics } from '@voucher-bridge/config';
import { KafkaAdminService, KafkaRecordReader, PartitionEnds } from '@voucher-bridge/kafka';
import { Gauge, InjectMetric } from '@voucher-bridge/metrics';
import { setTimeout as delay } from 'node:timers/promises';
import { GatewayEnvironment } from '../config/gateway.environment';
import { OUTBOX_RELAY_PARTITIONS, OUTBOX_TOPIC_PARTITIONS } from './outbox.metrics';
import { PartitionPins } from './partition-pins';
import { describeUnread, unreadPartitions } from './unread-partitions';

/** How often a hold asks the cluster again whether the readers caught up. */
const HOLD_POLL_MS = 500;
const ADMIN_TIMEOUT_MS = 5_000;

/**
 * Partitions added to a topic in use, taken on without reordering a voucher's events. A record's
 * partition is its key's hash modulo the partition count, so with more partitions a voucher's
 * next event may land on another partition than its earlier ones, which the readers may not have
 * read yet. The relay therefore keeps writing to the partitions it used (`PartitionPins`) and,
 * between two transactions, now and then asks the cluster whether a topic has grown. When it
 * has, the relay holds publishing (accepting goes on, into the outbox) until every reader group
 * (OUTBOX_READER_GROUPS) has read the old partitions to their end; then it writes to all of them.
 * Readers that do not catch up within OUTBOX_PARTITION_HOLD_MS leave the old count in place (order
 * kept, the new partitions idle) until the next try, OUTBOX_PARTITION_RETRY_MS later.
 */
@Injectable()
export class PartitionGrowth {
  private readonly logger = new Logger(PartitionGrowth.name);
  private readonly readerGroups: string[];
  private readonly checkIntervalMs: number;
  private readonly holdMs: number;
  private readonly retryMs: number;
  private nextCheckAt = 0;
  /** Per topic: when to try again after its readers did not catch up in time. */
  private readonly retryAt = new Map<string, number>();
  /** `topic[partition]@end` → whether the partition's last entry is a record (not a marker). */
  private readonly lastEntries = new Map<string, boolean>();

  constructor(
    private readonly admin: KafkaAdminService,
    private readonly reader: KafkaRecordReader,
    @InjectMetric(OUTBOX_RELAY_PARTITIONS) private readonly partitionsGauge: Gauge<'topic'>,
    @InjectMetric(OUTBOX_TOPIC_PARTITIONS) private readonly topicPartitionsGauge: Gauge<'topic'>,
    env: GatewayEnvironment,
    topics: VoucherTopics,
  ) {
    this.readerGroups = env.OUTBOX_READER_GROUPS?.split(',') ?? [topics.connectorGroupId];
    this.checkIntervalMs = env.OUTBOX_PARTITION_CHECK_INTERVAL_MS;
    this.holdMs = env.OUTBOX_PARTITION_HOLD_MS;
    this.retryMs = env.OUTBOX_PARTITION_RETRY_MS;
  }

  /**
   * Call with no transaction open (every record sent so far committed): when a check is due,
   * takes on the partitions added to the pinned topics whose readers read the old ones to their
   * end, holding up to OUTBOX_PARTITION_HOLD_MS for them. Returns the topics pinned anew, with
   * their partition counts. Never throws: a cluster that does not answer leaves the pins as they
   * are until the next check.
   */
  async adopt(pins: PartitionPins, signal: AbortSignal): Promise<[string, number][]> {
    const adopted: [string, number][] = [];
    if (Date.now() < this.nextCheckAt) return adopted;
    try {
      for (const [topic, using] of pins.entries()) {
        if ((this.retryAt.get(topic) ?? 0) > Date.now()) continue;
        const count = await this.admin.partitionCount(topic, ADMIN_TIMEOUT_MS);
        this.seen(topic, count);
        if (count <= using) continue;
        if (await this.holdForReaders(topic, using, count, signal)) {
          pins.pin(topic, count);
          adopted.push([topic, count]);
          this.retryAt.delete(topic);
        } else if (!signal.aborted) {
          this.retryAt.set(topic, Date.now() + this.retryMs);
        }
      }
    } catch (error) {
      this.logger.warn(`could not check the topics' partitions (checking again in ${this.checkIntervalMs} ms): ${(error as Error).message}`);
    } finally {
      this.nextCheckAt = Date.now() + this.checkIntervalMs;
      this.show(pins);
    }
    return adopted;
  }

  /** How many partitions a topic has (`outbox_topic_partitions`): an alert compares it with the pins. */
  seen(topic: string, partitionCount: number): void {
    this.topicPartitionsGauge.set({ topic }, partitionCount);
  }

  /** Publishes the pinned counts as the `outbox_relay_partitions` gauge. */
  show(pins: PartitionPins): void {
    for (const [topic, count] of pins.entries()) this.partitionsGauge.set({ topic }, count);
  }

  /** True once every reader group read partitions 0 … `using` − 1 of `topic` to their end. */
  private async holdForReaders(topic: string, using: number, count: number, signal: AbortSignal): Promise<boolean> {
    const groups = this.readerGroups.join(', ');
    this.logger.warn(`${topic} has ${count} partitions, the relay writes to ${using}: holding publishing (accepting goes on) until consumer groups ${groups} have read those ${using} to their end, at most ${this.holdMs} ms`);
    const deadline = Date.now() + this.holdMs;
    try {
      for (;;) {
        const behind = await this.readersBehind(topic, using);
        if (behind.length === 0) {
          this.logger.log(`consumer groups ${groups} have read ${topic}'s ${using} partitions to their end: the relay writes to all ${count} from now on`);
          return true;
        }
        if (signal.aborted) return false;
        if (Date.now() >= deadline) {
          this.logger.warn(`not read to the end within ${this.holdMs} ms — ${behind.join('; ')}: the relay goes on writing to ${using} of ${topic}'s ${count} partitions and tries again in ${this.retryMs / 1000} s`);
          return false;
        }
        await delay(HOLD_POLL_MS, undefined, { signal }).catch(() => undefined);
      }
    } finally {
      // Only a hold reads the same ends again and again.
      this.lastEntries.clear();
    }
  }

  /** Per group that has not read partitions 0 … `using` − 1 to their end: which and how far. */
  private async readersBehind(topic: string, using: number): Promise<string[]> {
    const ends = await this.admin.partitionEnds(topic, ADMIN_TIMEOUT_MS);
    const endsWithRecord = await this.lastEntriesAreRecords(topic, ends, using);
    const behind: string[] = [];
    for (const group of this.readerGroups) {
      const committed = await this.admin.committedOffsets(group, topic, ADMIN_TIMEOUT_MS);
      const unread = unreadPartitions(ends, committed, using, (partition) => endsWithRecord.has(partition));
      if (unread.length > 0) behind.push(`group ${group}: ${unread.map(describeUnread).join(', ')}`);
    }
    return behind;
  }

  /**
   * Which of the partitions in use end with a record rather than a transaction marker. Looked up
   * once per partition end (one read of the last entry): while the relay holds, the ends stay put.
   */
  private async lastEntriesAreRecords(topic: string, ends: ReadonlyMap<number, PartitionEnds>, using: number): Promise<Set<number>> {
    const key = (partition: number) => `${topic}[${partition}]@${ends.get(partition)?.high}`;
    const unknown = [...ends].filter(([partition, end]) => partition < using && end.high > end.low && end.stable === end.high && !this.lastEntries.has(key(partition)));
    const found = await this.reader.read(unknown.map(([partition, end]) => ({ topic, partition, offset: String(end.high - 1n) })));
    unknown.forEach(([partition], i) => this.lastEntries.set(key(partition), found[i] !== undefined));
    return new Set([...ends.keys()].filter((partition) => this.lastEntries.get(key(partition))));
  }
}
