import { Injectable } from '@nestjs/common';
import { ConsumedBatch, ConsumedMessage } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { InvalidVoucherEventError, VoucherEvent, parseVoucherEvent } from '@voucher-bridge/voucher-contract';
import { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher';
import { EVENTS_HANDLED_TOTAL } from './registration.metrics';
import { PositionedEvent, RegistryBatchPlan } from './state/registry-batch.plan';
import { VoucherRegistryRepository } from './voucher-registry.repository';

/**
 * Handles one partition's batch: unreadable records go to the dead-letter topic, valid events
 * run through the voucher state machine in one transaction; events it refuses are parked (table
 * and dead-letter topic) and the partition moves on. Throwing (database or Kafka down) makes the
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
    const unreadable: DeadLetter[] = [];
    const byOffset = new Map<string, ConsumedMessage>();
    for (const message of messages) {
      const outcome = parse(message);
      if ('event' in outcome) {
        events.push({ event: outcome.event, topic, partition, offset: message.offset });
        byOffset.set(message.offset, message);
      } else {
        unreadable.push({ message, topic, partition, reasonClass: 'invalid-record', at, ...outcome });
      }
    }
    await this.deadLetters.publish(unreadable);
    const plan = await this.registry.apply(events, at, (planned) => this.deadLetters.publish(planned.parked.map(({ positioned, rule, message }) => ({
      message: byOffset.get(positioned.offset)!, topic, partition, reasonClass: 'rule-violation', reason: rule, detail: message, at,
    }))));
    this.count(unreadable.length, plan);
  }

  private count(unreadable: number, plan: RegistryBatchPlan): void {
    if (unreadable > 0) this.handled.inc({ outcome: 'dead-lettered' }, unreadable);
    const applied = plan.history.length - plan.parked.length;
    if (applied > 0) this.handled.inc({ outcome: 'applied' }, applied);
    if (plan.repeated > 0) this.handled.inc({ outcome: 'repeated' }, plan.repeated);
    if (plan.skipped > 0) this.handled.inc({ outcome: 'redelivered' }, plan.skipped);
    for (const { rule } of plan.parked) this.handled.inc({ outcome: 'parked', rule });
  }
}

function parse(message: ConsumedMessage): { event: VoucherEvent } | { reason: string; detail: string } {
  let event: VoucherEvent;
  try {
    event = parseVoucherEvent(message.value);
  } catch (error) {
    if (error instanceof InvalidVoucherEventError) return { reason: error.reason, detail: error.message };
    throw error;
  }
  // The key decides the partition and so the order of a voucher's events: it must be the code.
  if (message.key?.toString() !== event.voucherCode) {
    return { reason: 'key-mismatch', detail: 'message key is not the event voucherCode' };
  }
  return { event };
}
