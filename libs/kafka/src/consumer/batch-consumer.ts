import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Logger } from '@nestjs/common';
import { connectWithRetry } from '../retry/connect-with-retry';
import { retryWithBackoff } from '../retry/retry-with-backoff';
import { BatchConsumerOptions } from './batch-handler';
import { ConsumerStatistics, PartitionLag, partitionKey } from './consumer-statistics';

/**
 * A consumer-group member that commits only what was handled: each batch is handed to the
 * handler, retried with backoff while it fails, and its offset stored only after the handler
 * succeeded. librdkafka commits the stored offsets in the background every `COMMIT_INTERVAL_MS`,
 * when partitions are revoked and when the member leaves (see KafkaConsumerFactory): a record
 * is never committed before its batch was handled, and a crash hands at most the last interval's
 * handled records to the next owner again, which the handler recognises as handled.
 */
export class BatchConsumer {
  private readonly logger: Logger;
  private readonly shutdown = new AbortController();
  private consumer?: KafkaJS.Consumer;
  private started?: Promise<unknown>;
  private readonly inFlight = new Set<Promise<void>>();
  /** `topic[partition]` of the batches in hand: their lag is records, whatever librdkafka handed over. */
  private readonly handling = new Set<string>();

  constructor(
    private readonly createConsumer: () => KafkaJS.Consumer,
    private readonly options: BatchConsumerOptions,
    private readonly whenTopicsExist: (topics: string[], signal: AbortSignal) => Promise<void>,
    private readonly statistics = new ConsumerStatistics(),
  ) {
    this.logger = new Logger(`BatchConsumer(${options.groupId})`);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** True once this member has connected, subscribed and started fetching. */
  get consuming(): boolean {
    return this.consumer !== undefined;
  }

  /** The partitions assigned to this member right now (none before it joined). */
  assignment(): { topic: string; partition: number }[] {
    try {
      return (this.consumer?.assignment() ?? []).map(({ topic, partition }) => ({ topic, partition }));
    } catch {
      // Between a disconnect and the next connect the client refuses: nothing is assigned then.
      return [];
    }
  }

  /**
   * Lag of the partitions this member consumes, from librdkafka's last statistics (every
   * `statisticsIntervalMs`); undefined before the first report or with statistics off.
   */
  lag(): { at: Date; partitions: PartitionLag[] } | undefined {
    return this.statistics.lag(new Set(this.assignment().map(partitionKey)), this.handling);
  }

  /** Joins the group in the background, so the app starts even while Kafka is down. */
  start(): void {
    const signal = this.shutdown.signal;
    this.started = this.whenTopicsExist(this.options.topics, signal)
      .then(() => connectWithRetry(this.createConsumer, {
        what: 'connect the consumer', logger: this.logger, signal, maxDelayMs: 2_000,
        prepare: (consumer) => this.subscribeAndRun(consumer),
      }))
      .then((consumer) => {
        this.consumer = consumer;
        this.logger.log(`consuming ${this.options.topics.join(', ')}`);
      });
    this.started.catch((error) => {
      if (!signal.aborted) this.logger.error(`consumer did not start: ${(error as Error).message}`);
    });
  }

  /** Stops fetching, lets the batch in hand finish, then leaves the group (committing what was handled). */
  async stop(): Promise<void> {
    this.shutdown.abort();
    await this.started?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect().catch((error) => {
      this.logger.warn(`disconnect failed: ${(error as Error).message}`);
    });
  }

  private async subscribeAndRun(consumer: KafkaJS.Consumer): Promise<void> {
    await consumer.subscribe({ topics: this.options.topics });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  private async processBatch(payload: KafkaJS.EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat } = payload;
    if (this.shutdown.signal.aborted) throw new Error('consumer stopping: batch left for the next owner');
    if (batch.messages.length === 0) return;
    const key = partitionKey(batch);
    this.handling.add(key);
    const work = this.handle(batch, payload).finally(() => {
      this.inFlight.delete(work);
      this.handling.delete(key);
    });
    this.inFlight.add(work);
    await work;
    // Stores the offset after the batch for the next commit; never before the handler succeeded.
    resolveOffset(batch.lastOffset());
    await heartbeat();
  }

  private async handle(batch: KafkaJS.Batch, payload: KafkaJS.EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    // A batch that keeps failing is abandoned uncommitted when the app stops or the partition
    // moves to another member; it is then fetched again from the last committed offset.
    const giveUp = new AbortController();
    const onShutdown = () => giveUp.abort();
    this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    const watch = setInterval(() => {
      if (!payload.isRunning() || payload.isStale()) giveUp.abort();
    }, 250);
    try {
      await retryWithBackoff(() => this.options.handleBatch({ topic, partition, messages }), {
        what: `process ${topic}[${partition}] from offset ${messages[0].offset}`,
        logger: this.logger,
        signal: giveUp.signal,
      });
    } finally {
      clearInterval(watch);
      this.shutdown.signal.removeEventListener('abort', onShutdown);
    }
  }
}
