import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { KafkaProducerService, KafkaTransactionsService, OpenTransaction, retryWithBackoff, TopicMessages, TransactionalPublisher } from '@voucher-bridge/kafka';
import { Counter, Histogram, InjectMetric } from '@voucher-bridge/metrics';
import { VoucherTopics } from '@voucher-bridge/config';
import { GatewayEnvironment } from '../config/gateway.environment';
import { setTimeout as delay } from 'node:timers/promises';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OUTBOX_PUBLISH_DELAY_SECONDS, OUTBOX_PUBLISH_ERRORS_TOTAL, OUTBOX_PUBLISH_SECONDS, OUTBOX_RELAYED_TOTAL } from './outbox.metrics';
import { OutboxMessage, OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { PartitionGrowth } from './partition-growth';
import { PartitionPins } from './partition-pins';
import { encodeRelayPosition, NamedRow, PublishedRow, ScanFrom } from './relay-position';
import { RelayRecovery } from './relay-recovery';
import { RoundPacing } from './round-pacing';
import { publishErrorKind } from './publish-error-kind';
import { ScanFloor } from './scan-floor';
import { UnmarkedRows } from './unmarked-rows';

/** What a relay attempt returns when another instance holds the lease. */
const STANDBY = 'standby';
/** Transactions whose rows may be being marked at once (each marking holds a pool connection). */
const MARKINGS_IN_FLIGHT = 2;
/** At most this many rows in one position record (JSON, ~20 bytes each, far below Kafka's 1 MB). */
const MAX_POSITION_ROWS = 20_000;
/**
 * How long a shutdown lets the transaction in hand wait for the broker's acknowledgements. With
 * Kafka away it would wait for the delivery timeout (35 s, past an orchestrator's usual 30-s
 * grace): it is abandoned instead, its rows stay unsent for the next relay.
 */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Publishes outbox rows to Kafka in acceptance order, keyed by voucher code, each event exactly
 * once (the way Kafka Connect's exactly-once source connectors do, KIP-618). Only the instance
 * holding the lease relays, through a transactional producer with one fixed id per environment:
 * opening it fences every earlier relay. A transaction's rows and, last, a record naming them (the
 * position) commit in one Kafka transaction; the rows are marked sent afterwards.
 * A relay that dies in between leaves rows unmarked that Kafka has committed: its successor reads
 * the last committed position first and marks those rows before publishing anything
 * (RelayRecovery), so nothing goes out twice.
 *
 * Pipelined: the next batch is read while one is sent; a backlog's batches fill one transaction
 * (up to OUTBOX_TRANSACTION_ROWS), acknowledged by the broker while the next is read; and a
 * transaction is sent and committed while earlier ones are being marked. A transaction does not
 * wait for those markings: its position names their rows too (UnmarkedRows), so the last
 * committed position always names every row that may still be unmarked. At most
 * MARKINGS_IN_FLIGHT markings run at once, and a position names at most MAX_POSITION_ROWS rows.
 * While the outbox is busy, rounds are spaced (RoundPacing): fewer, larger transactions.
 *
 * Each record goes to its key's partition among as many as the relay has pinned for its topic
 * (PartitionPins, carried in the position): partitions added to a topic are taken on between two
 * transactions, once the readers read the old ones to their end (PartitionGrowth).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly transactionRows: number;
  private readonly pollIntervalMs: number;
  private readonly positionTopic: string;
  private readonly transactionalId: string;
  private readonly stopping = new AbortController();
  /** Aborted SHUTDOWN_GRACE_MS into a shutdown: the transaction in hand stops waiting. */
  private readonly givingUp = new AbortController();
  private loop?: Promise<void>;
  /** Open, fenced every earlier relay, and the last committed position applied. */
  private publisher?: TransactionalPublisher;
  /** Committed on Kafka, being marked sent: named by every position until they are. */
  private readonly unmarked = new UnmarkedRows();
  /** The next batch, read while the previous one was being marked. */
  private prefetched?: Promise<OutboxMessage[]>;
  /** Where this relay's next records can land at the earliest: a position says where to look. */
  private readonly floor = new ScanFloor();
  /** How many partitions of each topic the relay writes to. */
  private readonly pins = new PartitionPins();
  /** The lease term this relay's state belongs to. */
  private term = 0;
  /** Fewer, larger transactions while the outbox is busy. */
  private readonly pacing: RoundPacing;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: KafkaProducerService,
    private readonly transactions: KafkaTransactionsService,
    private readonly signal: OutboxSignal,
    private readonly lease: OutboxRelayLease,
    private readonly recovery: RelayRecovery,
    private readonly growth: PartitionGrowth,
    @InjectMetric(OUTBOX_RELAYED_TOTAL) private readonly relayed: Counter,
    @InjectMetric(OUTBOX_PUBLISH_SECONDS) private readonly publishSeconds: Histogram,
    @InjectMetric(OUTBOX_PUBLISH_DELAY_SECONDS) private readonly publishDelay: Histogram,
    @InjectMetric(OUTBOX_PUBLISH_ERRORS_TOTAL) private readonly publishErrors: Counter<'kind'>,
    env: GatewayEnvironment,
    topics: VoucherTopics,
  ) {
    this.batchSize = env.OUTBOX_BATCH_SIZE;
    this.transactionRows = Math.max(env.OUTBOX_TRANSACTION_ROWS, env.OUTBOX_BATCH_SIZE);
    this.pollIntervalMs = env.OUTBOX_POLL_INTERVAL_MS;
    this.pacing = new RoundPacing(env.OUTBOX_BUSY_RATE, env.OUTBOX_BUSY_ROUND_MS);
    this.positionTopic = topics.relayPosition;
    this.transactionalId = topics.relayTransactionalId;
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Stops after the batch in hand is published and marked (or abandoned, SHUTDOWN_GRACE_MS in, while Kafka is away). */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.signal.notify();
    const giveUp = setTimeout(() => this.givingUp.abort(new Error('the gateway is shutting down')), SHUTDOWN_GRACE_MS);
    await this.loop;
    clearTimeout(giveUp);
    await this.reset();
    await this.lease.release();
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      if (!this.producer.connected) {
        // Kafka has not been reachable yet (the app's producer logs its own attempts). Looked at
        // often: a backlog waiting at start-up leaves as soon as the cluster answers.
        await delay(Math.min(this.pollIntervalMs, 100), undefined, { signal }).catch(() => undefined);
        continue;
      }
      this.pacing.started();
      // Rejects only when stopping. The short cap matters after an outage: the next attempt is
      // never more than 2 s away when Kafka returns (a publish itself waits for the broker).
      const relayed = await retryWithBackoff(() => this.relayIfLeaseHolder(), {
        what: 'relay the outbox', logger: this.logger, signal, initialDelayMs: 200, maxDelayMs: 2_000,
      }).catch(() => 0);
      if (relayed === STANDBY) {
        // Another instance relays; stand by and try again now and then (not on every accept).
        await delay(this.pollIntervalMs * 4, undefined, { signal }).catch(() => undefined);
      } else if (relayed < this.batchSize) {
        this.pacing.finished(relayed);
        await this.signal.wait(this.pollIntervalMs);
        const spacing = this.pacing.delayMs();
        if (spacing > 0) await delay(spacing, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async relayIfLeaseHolder(): Promise<number | typeof STANDBY> {
    if (!(await this.lease.tryAcquire())) {
      await this.reset();
      return STANDBY;
    }
    if (this.term !== this.lease.term) {
      // The lease was lost and taken again: someone else may have relayed in between, so start
      // over as a new holder does (fence, then recover from what Kafka last committed).
      await this.reset();
      this.term = this.lease.term;
    }
    return this.relayBatch();
  }

  /** Returns how many rows were published. */
  async relayBatch(): Promise<number> {
    try {
      return await this.publishNext();
    } catch (error) {
      this.publishErrors.inc({ kind: publishErrorKind(error) });
      // Whatever failed, start over as a new relay would: a new producer, the position re-read.
      await this.reset();
      throw error;
    }
  }

  private async publishNext(): Promise<number> {
    this.publisher ??= await this.openAndRecover();
    this.unmarked.throwIfFailed();
    // No transaction is open and every earlier record is committed: the moment to take on
    // partitions added to a topic (holds while its readers catch up).
    for (const [topic, count] of await this.growth.adopt(this.pins, this.stopping.signal)) {
      await this.publisher.awaitPartitions(topic, count);
    }
    // Rows still being marked are on Kafka already: never read them as unsent.
    const batch = await (this.prefetched ?? this.outbox.nextUnsent(this.batchSize, this.unmarked.ids()));
    this.prefetched = undefined;
    if (batch.length === 0) {
      await this.unmarked.waitFor(1, 0);
      return 0;
    }
    await this.unmarked.waitFor(MARKINGS_IN_FLIGHT, MAX_POSITION_ROWS - this.transactionRows);
    const endTimer = this.publishSeconds.startTimer();
    const transaction = await this.publisher.begin();
    const sent = await this.sendBatches(transaction, batch);
    // Taken only now: the floor moves when a transaction commits, and topics first written to in
    // this one were covered before their first record was sent.
    const floorBefore = this.floor.snapshot();
    const oldest = this.unmarked.oldestScanFrom();
    const scanFrom = oldest ? ScanFloor.lowest(oldest, floorBefore) : floorBefore;
    const landed = await transaction.commit({
      with: this.positionRecord([...this.unmarked.rows(), ...sent], scanFrom), signal: this.givingUp.signal,
    });
    endTimer();
    const rows = sent.map(({ id }, i): PublishedRow => ({ id, ...landed[i] }));
    this.floor.advance(rows);
    const committedAt = Date.now();
    for (const row of sent) this.publishDelay.observe((committedAt - row.createdAtMs) / 1000);
    this.unmarked.add(rows, async (published) => {
      await this.outbox.markSent(published);
      this.relayed.inc(published.length);
    }, floorBefore);
    return sent.length;
  }

  /**
   * Sends `batch` into the open transaction, and the batches after it while they are full and
   * there is room; aborts the transaction when a read or a send fails. Returns the rows sent.
   */
  private async sendBatches(transaction: OpenTransaction, first: OutboxMessage[]): Promise<SentRow[]> {
    const sent: SentRow[] = [];
    let batch = first;
    try {
      for (;;) {
        const full = batch.length === this.batchSize;
        if (full) {
          // Read the next batch while this one is sent, leaving out the rows sent and those being
          // marked: it joins this transaction while there is room, else starts the next one.
          const excluding = [...this.unmarked.ids(), ...sent.map((row) => row.id), ...batch.map((m) => m.id)];
          this.prefetched = this.outbox.nextUnsent(this.batchSize, excluding);
          this.prefetched.catch(() => undefined); // awaited below or by the next call, or dropped by reset()
        }
        await this.coverTopics(batch);
        for (const m of batch) {
          transaction.send(m.topic, { key: m.messageKey, value: m.payload, headers: m.headers, partition: this.pins.partitionFor(m.topic, m.messageKey) });
          sent.push({ id: m.id, topic: m.topic, createdAtMs: Number(m.createdAtMs) });
        }
        if (!full || sent.length + this.batchSize > this.transactionRows) return sent;
        batch = await this.prefetched!;
        this.prefetched = undefined;
        if (batch.length === 0) return sent;
      }
    } catch (error) {
      await transaction.abort();
      throw error;
    }
  }

  /** A producer of the relay's transactional id, once the rows Kafka last committed are marked. */
  private async openAndRecover(): Promise<TransactionalPublisher> {
    if (!(await this.lease.confirm())) throw new Error('the outbox relay lease is lost');
    // Opening fences the previous relay and settles its last transaction: only then is the
    // last committed position final.
    const publisher = await this.transactions.open(this.transactionalId);
    try {
      this.pins.seed(await this.recovery.markLastCommitted(this.positionTopic));
      this.growth.show(this.pins);
      return publisher;
    } catch (error) {
      await publisher.close();
      throw error;
    }
  }

  /**
   * Topics written to for the first time since the relay (re)started: start from their end
   * offsets, and write to as many partitions as the last position said (else all there are).
   */
  private async coverTopics(batch: OutboxMessage[]): Promise<void> {
    for (const { topic } of batch) {
      if (this.floor.covers(topic)) continue;
      const ends = await this.transactions.endOffsets(topic);
      this.floor.start(topic, ends);
      this.growth.seen(topic, ends.size);
      if (this.pins.cover(topic, ends.size) === 'shrunk') {
        this.logger.warn(`${topic} has fewer partitions than the relay wrote to (created again?): writing to its ${ends.size}`);
      }
      this.growth.show(this.pins);
    }
  }

  /** Keyed by the transactional id: compaction keeps the newest position of each relay. */
  private positionRecord(rows: NamedRow[], scanFrom: ScanFrom): TopicMessages {
    return { topic: this.positionTopic, messages: [{ key: this.transactionalId, value: encodeRelayPosition(rows, scanFrom, this.pins.entries()) }] };
  }

  private async reset(): Promise<void> {
    this.prefetched = undefined;
    // A marking that failed is left to the next openAndRecover(): the last committed position names its rows.
    await this.unmarked.settle();
    this.unmarked.clear();
    this.floor.clear();
    this.pins.clear();
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.close();
  }
}

/** A row sent in the open transaction: what is kept of it once its message is with librdkafka. */
interface SentRow extends NamedRow {
  createdAtMs: number;
}
