import { Injectable } from '@nestjs/common';
import { ConsumedBatch, ConsumedMessage } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { DeadLetterDraft } from './dead-letter.draft';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EVENTS_HANDLED_TOTAL } from './registration.metrics';
import { PositionedEvent, RegistryBatchPlan } from './state/registry-batch.plan';
import { parseVoucherRecord } from './voucher-record.parser';
import { RegistryWrite, VoucherRegistryRepository } from './voucher-registry.repository';

/**
 * Handles one partition's batch in one transaction: valid events run through the voucher state
 * machine; unreadable records and events it refuses are parked (registry_dead_letter and the
 * dead-letter topic) and the partition moves on. Throwing (database or Kafka down) makes the
 * consumer retry the whole batch with backoff; nothing is committed before this resolves.
 */
@Injectable()
export class RegisterVoucherEventsHandler {
  constructor(
    private readonly registry: VoucherRegistryRepository,
    private readonly deadLetters: DeadLetterPublisher,
    @InjectMetric(EVENTS_HANDLED_TOTAL) private readonly handled: Counter<'outcome' | 'rule'>,
  ) {}

  async handle({ topic, partition, messages }: ConsumedBatch): Promise<void> {
    const at = new Date();
    const events: PositionedEvent[] = [];
    const unreadable: DeadLetterDraft[] = [];
    const byOffset = new Map<string, ConsumedMessage>();
    for (const message of messages) {
      byOffset.set(message.offset, message);
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
    const write = await this.registry.apply(events, unreadable, at, (written) => this.publish(written, byOffset, at));
    // An unreadable record met again (a redelivery) was parked the first time.
    const deadLettered = write.parked.filter((letter) => letter.reasonClass === 'invalid-record').length;
    this.count(deadLettered, unreadable.length - deadLettered, write.plan);
  }

  /** The dead letters of the records parked now (a redelivered one was published the first time). */
  private publish({ parked }: RegistryWrite, byOffset: Map<string, ConsumedMessage>, at: Date): Promise<void> {
    return this.deadLetters.publish(parked.map((letter) => {
      const message = byOffset.get(letter.offset)!;
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
