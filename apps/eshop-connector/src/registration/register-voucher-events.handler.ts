import { Injectable } from '@nestjs/common';
import { ConsumedBatch, ConsumedMessage } from '@voucher-bridge/kafka';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { InvalidVoucherEventError, VoucherEvent, VoucherPurchasedEvent, parseVoucherEvent } from '@voucher-bridge/voucher-contract';
import { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher';
import { EVENTS_HANDLED_TOTAL } from './registration.metrics';
import { VoucherRegistryRepository } from './voucher-registry.repository';

/**
 * Handles one partition's batch: invalid events go to the dead-letter topic, valid ones are
 * registered in one transaction. Throwing (database or Kafka down) makes the consumer retry
 * the whole batch with backoff; nothing is committed before this resolves.
 */
@Injectable()
export class RegisterVoucherEventsHandler {
  constructor(
    private readonly registry: VoucherRegistryRepository,
    private readonly deadLetters: DeadLetterPublisher,
    @InjectMetric(EVENTS_HANDLED_TOTAL) private readonly handled: Counter<'outcome'>,
  ) {}

  async handle({ topic, partition, messages }: ConsumedBatch): Promise<void> {
    const events: VoucherEvent[] = [];
    const rejected: DeadLetter[] = [];
    for (const message of messages) {
      const outcome = parse(message);
      if ('event' in outcome) events.push(outcome.event);
      else rejected.push({ message, topic, partition, ...outcome });
    }
    await this.deadLetters.publish(rejected);
    await this.registry.registerPurchases(events.filter((e): e is VoucherPurchasedEvent => e.eventType === 'voucher.purchased'));
    this.handled.inc({ outcome: 'dead-lettered' }, rejected.length);
    this.handled.inc({ outcome: 'registered' }, events.length);
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
