import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { KafkaProducerService } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { setTimeout as delay } from 'node:timers/promises';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OUTBOX_RELAYED_TOTAL } from './outbox.metrics';
import { OutboxMessage, OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';

/**
 * Publishes outbox rows to Kafka in acceptance order, keyed by voucher code, and marks a row
 * sent only after the broker acknowledged it. Only the instance holding the lease relays. A crash between the two re-sends the row: the
 * connector ignores an event id it has already applied, so the effect happens once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: KafkaProducerService,
    private readonly signal: OutboxSignal,
    private readonly lease: OutboxRelayLease,
    @InjectMetric(OUTBOX_RELAYED_TOTAL) private readonly relayed: Counter,
    config: ConfigService,
  ) {
    this.batchSize = config.getOrThrow<number>('OUTBOX_BATCH_SIZE');
    this.pollIntervalMs = config.getOrThrow<number>('OUTBOX_POLL_INTERVAL_MS');
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Stops after the batch in hand is published and marked. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.signal.notify();
    await this.loop;
    await this.lease.release();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        if (!(await this.lease.tryAcquire())) {
          // Another instance relays; stand by and try again now and then (not on every accept).
          await delay(this.pollIntervalMs * 4, undefined, { signal: this.stopping.signal }).catch(() => undefined);
          continue;
        }
        const relayed = await this.relayBatch();
        failures = 0;
        if (relayed < this.batchSize) await this.signal.wait(this.pollIntervalMs);
      } catch (error) {
        failures++;
        const backoffMs = Math.min(200 * 2 ** failures, 10_000);
        this.logger.warn(`outbox relay failed (retrying in ${backoffMs} ms): ${(error as Error).message}`);
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  /** Returns how many rows were published. */
  async relayBatch(): Promise<number> {
    const messages = await this.outbox.nextUnsent(this.batchSize);
    if (messages.length === 0) return 0;
    for (const [topic, ofTopic] of groupByTopic(messages)) {
      await this.producer.publish(
        topic,
        ofTopic.map((m) => ({ key: m.messageKey, value: m.payload, headers: m.headers })),
      );
    }
    await this.outbox.markSent(messages.map((m) => m.id));
    this.relayed.inc(messages.length);
    return messages.length;
  }
}

function groupByTopic(messages: OutboxMessage[]): Map<string, OutboxMessage[]> {
  const byTopic = new Map<string, OutboxMessage[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push(message);
    byTopic.set(message.topic, list);
  }
  return byTopic;
}
