import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { KafkaProducerService, retryWithBackoff } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { setTimeout as delay } from 'node:timers/promises';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OUTBOX_RELAYED_TOTAL } from './outbox.metrics';
import { OutboxMessage, OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';

/** What a relay attempt returns when another instance holds the lease. */
const STANDBY = 'standby';

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
    // ConfigService hands back the raw environment string for a variable that was set, and
    // timers/promises' setTimeout rejects a string at once: convert, or the loop spins.
    this.batchSize = Number(config.getOrThrow<number>('OUTBOX_BATCH_SIZE'));
    this.pollIntervalMs = Number(config.getOrThrow<number>('OUTBOX_POLL_INTERVAL_MS'));
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
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      if (!this.producer.connected) {
        // Nothing to try before the producer's first connection (it logs its own attempts).
        await delay(this.pollIntervalMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      // Rejects only when stopping. The short cap matters after an outage: the next attempt is
      // never more than 2 s away when Kafka returns (a publish itself waits for the broker).
      const relayed = await retryWithBackoff(() => this.relayIfLeaseHolder(), {
        what: 'relay the outbox', logger: this.logger, signal, initialDelayMs: 200, maxDelayMs: 2_000,
      }).catch(() => 0);
      if (relayed === STANDBY) {
        // Another instance relays; stand by and try again now and then (not on every accept).
        await delay(this.pollIntervalMs * 4, undefined, { signal }).catch(() => undefined);
      } else if (relayed < this.batchSize) {
        await this.signal.wait(this.pollIntervalMs);
      }
    }
  }

  private async relayIfLeaseHolder(): Promise<number | typeof STANDBY> {
    if (!(await this.lease.tryAcquire())) return STANDBY;
    return this.relayBatch();
  }

  /** Returns how many rows were published. */
  async relayBatch(): Promise<number> {
    if (!this.producer.connected) throw new Error('Kafka producer is not connected yet');
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
