import { Injectable, Logger } from '@nestjs/common';
import { GroupCommitBatcher, isDatabaseUnavailable } from '@voucher-bridge/database';
import { ConsumedBatch, ConsumedMessage, isKafkaUnavailable } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { DeadLetterDraft, errorName } from './dead-letter.draft';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { ConnectorEnvironment } from '../config/connector.environment';
import { PoisonBound } from './poison-bound';
import { EVENTS_HANDLED_TOTAL } from './registration.metrics';
import { PositionedEvent, RegistryBatchPlan } from './state/registry-batch.plan';
import { parseVoucherRecord } from './voucher-record.parser';
import { RegistryWrite, VoucherRegistryRepository } from './voucher-registry.repository';

/**
 * A partition's batch smaller than this shares its transaction with the small batches of the other
 * partitions in hand at that moment (CONNECTOR_PARTITIONS_CONCURRENTLY). At a few hundred events a
 * second a relay transaction spreads ~20 events over all partitions, and each partition's batch of
 * 2-3 events cost a transaction of its own (four statements and a commit) and its fixed work here.
 * Push phase at 500 purchases/s, two alternating pairs (2026-12-07): the connector 30-31 % of a
 * core against 33-34 %, PostgreSQL and the rest 42-49 % against 53-54 %, relay published -> shop
 * p50 / p99 28-30 / 110-121 ms against 34-46 / 135-153. Larger batches (catching up) stay one
 * transaction each: already large, and their memory bounded by the consumer's batch size.
 */
const SHARED_TRANSACTION_BELOW_EVENTS = 100;

/**
 * Handles one partition's batch in one transaction (a small one together with the other
 * partitions' small batches in hand, see SHARED_TRANSACTION_BELOW_EVENTS): valid events run
 * through the voucher state machine; unreadable records and events it refuses are parked
 * (registry_dead_letter and the dead-letter topic) and the partition moves on. Throwing (database
 * or Kafka down) makes the consumer retry the whole batch with backoff; nothing is committed
 * before this resolves. A shared transaction that fails is tried again for each batch alone, so
 * only the batch at fault fails. A batch that keeps failing for another reason (a defect meeting
 * one record) is, after CONSUMER_POISON_BOUND_MS, handled record by record, and what still fails
 * is parked (`processing-error`), so one poison record never stalls its partition for longer.
 */
@Injectable()
export class RegisterVoucherEventsHandler {
  private readonly logger = new Logger(RegisterVoucherEventsHandler.name);
  private readonly poison: PoisonBound;
  /** Small batches of several partitions in one transaction; a failing one is then tried alone. */
  private readonly shared = new GroupCommitBatcher<ConsumedBatch, void>(
    async (batches) => {
      await this.handleTogether(batches);
      return batches.map(() => undefined);
    },
    { maxBatchSize: 64, maxWaitMs: 1, maxConcurrentFlushes: 1 },
  );

  constructor(
    private readonly registry: VoucherRegistryRepository,
    private readonly deadLetters: DeadLetterPublisher,
    @InjectMetric(EVENTS_HANDLED_TOTAL) private readonly handled: Counter<'outcome' | 'rule'>,
    env: ConnectorEnvironment,
  ) {
    this.poison = new PoisonBound(env.CONSUMER_POISON_BOUND_MS);
  }

  async handle(batch: ConsumedBatch): Promise<void> {
    const key = `${batch.topic}[${batch.partition}]@${batch.messages[0]?.offset}`;
    if (this.poison.exceeded(key, Date.now())) {
      await this.oneByOne(batch);
      this.poison.done(key);
      return;
    }
    try {
      // A batch that failed before goes alone: it would fail its neighbours' transaction again.
      const shared = batch.messages.length < SHARED_TRANSACTION_BELOW_EVENTS && !this.poison.failing(key);
      await (shared ? this.shared.write(batch) : this.handleTogether([batch]));
      this.poison.done(key);
    } catch (error) {
      if (!isOutage(error)) this.poison.failed(key, Date.now());
      throw error;
    }
  }

  /** Past the bound: each record alone; one that still fails for another reason than an outage is parked. */
  private async oneByOne(batch: ConsumedBatch): Promise<void> {
    for (const message of batch.messages) {
      try {
        await this.handleTogether([{ ...batch, messages: [message] }]);
      } catch (error) {
        if (isOutage(error)) throw error;
        await this.parkFailed(batch, message, error as Error);
      }
    }
  }

  private async parkFailed({ topic, partition }: ConsumedBatch, message: ConsumedMessage, error: Error): Promise<void> {
    const at = new Date();
    const parsed = parseVoucherRecord(message);
    const event = 'event' in parsed ? parsed.event : undefined;
    const draft: DeadLetterDraft = {
      topic, partition, offset: message.offset, key: message.key?.toString() ?? null, reasonClass: 'processing-error',
      reason: errorName(error), detail: (error.message || String(error)).slice(0, 2000),
      eventId: event?.eventId ?? null, eventType: event?.eventType ?? null,
    };
    this.logger.error(`${topic}[${partition}]@${message.offset} kept failing past CONSUMER_POISON_BOUND_MS: parked as processing-error (${draft.reason})`);
    const write = await this.registry.apply([], [draft], at, (written) => this.publish(written, new Map([[positionKey(draft), message]]), at));
    if (write.parked.length > 0) this.handled.inc({ outcome: 'dead-lettered' });
  }

  /** Batches of one or more partitions (each in its offsets' order) in one transaction. */
  private async handleTogether(batches: ConsumedBatch[]): Promise<void> {
    const at = new Date();
    const events: PositionedEvent[] = [];
    const unreadable: DeadLetterDraft[] = [];
    const byPosition = new Map<string, ConsumedMessage>();
    for (const { topic, partition, messages } of batches) {
      for (const message of messages) {
        byPosition.set(positionKey({ topic, partition, offset: message.offset }), message);
        const outcome = parseVoucherRecord(message);
        if ('event' in outcome) {
          events.push({ event: outcome.event, topic, partition, offset: message.offset });
        } else {
          unreadable.push({
            topic, partition, offset: message.offset, key: message.key?.toString() ?? null,
            reasonClass: 'invalid-record', reason: outcome.reason, detail: outcome.detail, eventId: null, eventType: null,
          });
        }
      }
    }
    const write = await this.registry.apply(events, unreadable, at, (written) => this.publish(written, byPosition, at));
    // An unreadable record met again (a redelivery) was parked the first time.
    const deadLettered = write.parked.filter((letter) => letter.reasonClass === 'invalid-record').length;
    this.count(deadLettered, unreadable.length - deadLettered, write.plan);
  }

  /** The dead letters of the records parked now (a redelivered one was published the first time). */
  private publish({ parked }: RegistryWrite, byPosition: Map<string, ConsumedMessage>, at: Date): Promise<void> {
    return this.deadLetters.publish(parked.map((letter) => {
      const message = byPosition.get(positionKey(letter))!;
      return { parked: letter, key: message.key, value: message.value, at };
    }));
  }

  private count(unreadable: number, unreadableAgain: number, plan: RegistryBatchPlan): void {
    if (unreadable > 0) this.handled.inc({ outcome: 'dead-lettered' }, unreadable);
    if (unreadableAgain > 0) this.handled.inc({ outcome: 'redelivered' }, unreadableAgain);
    const applied = plan.history.length - plan.parked.length;
    if (applied > 0) this.handled.inc({ outcome: 'applied' }, applied);
    if (plan.repeated > 0) this.handled.inc({ outcome: 'repeated' }, plan.repeated);
    if (plan.skipped > 0) this.handled.inc({ outcome: 'redelivered' }, plan.skipped);
    for (const { rule } of plan.parked) this.handled.inc({ outcome: 'parked', rule });
  }
}

function positionKey({ topic, partition, offset }: { topic: string; partition: number; offset: string }): string {
  return `${topic}[${partition}]@${offset}`;
}

/** The database or Kafka away: waiting cures it, the record is not at fault. */
function isOutage(error: unknown): boolean {
  return isDatabaseUnavailable(error) || isKafkaUnavailable(error);
}
