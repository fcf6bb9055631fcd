import { Injectable } from '@nestjs/common';
import type { SqlSession } from '@voucher-bridge/database';
import { maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { DeliverySignal } from '../dispatch/delivery.signal';
import { DeliverableEvent, deliveryData } from './deliverable-event';
import { ENQUEUE_DELIVERIES } from './delivery-enqueue.sql';

/**
 * Records the pushes a registry batch owes the shop, in the batch's own transaction: the Kafka
 * offset then moves only once they are durable, and a batch rolled back owes nothing.
 */
@Injectable()
export class DeliveryEnqueuer {
  constructor(private readonly signal: DeliverySignal) {}

  /**
   * Returns how many deliveries were recorded (0 without a matching subscription). `wanted`: the
   * event types some live subscription wants, read in the same transaction (SUBSCRIBED_EVENT_TYPES):
   * without them no body is built and nothing is asked.
   */
  async enqueue(session: SqlSession, handled: readonly DeliverableEvent[], wanted: ReadonlySet<string>): Promise<number> {
    if (wanted.size === 0) return 0;
    const applied = handled.filter((h) => h.outcome === 'applied' && h.stateAfter !== null && wanted.has(h.event.eventType));
    if (applied.length === 0) return 0;
    const result = await session.query(ENQUEUE_DELIVERIES, [
      applied.map(({ event }) => event.eventId),
      applied.map(({ event }) => event.eventType),
      applied.map(({ hash }) => hash),
      applied.map(({ event }) => maskVoucherCode(event.voucherCode)),
      applied.map(({ stateAfter }) => stateAfter!.sequence),
      applied.map(({ event }) => event.occurredAt),
      applied.map(({ event, stateAfter }) => deliveryData(event, stateAfter!)),
    ]);
    return result.rowCount ?? 0;
  }

  /** After COMMIT: the new deliveries are visible, so the dispatcher need not wait for its poll. */
  committed(enqueued: number): void {
    if (enqueued > 0) this.signal.notify();
  }
}
