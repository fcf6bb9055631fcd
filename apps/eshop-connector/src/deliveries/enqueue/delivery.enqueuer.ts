import { Injectable } from '@nestjs/common';
import { withValues } from '@voucher-bridge/database';
import type { SqlSession } from '@voucher-bridge/database';
import { maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { ClaimedDelivery, ClaimedDeliveryRow, claimedDelivery } from '../dispatch/claimed-delivery';
import { DeliveryDispatcher } from '../dispatch/delivery.dispatcher';
import { DeliveryHandOff } from '../dispatch/delivery-hand-off';
import { DeliverableEvent, deliveryData } from './deliverable-event';
import { ENQUEUE_DELIVERIES } from './delivery-enqueue.sql';

/**
 * For each event: is it the first of its voucher in this batch (the batch is in order)? Only such
 * an event can be the head of a subscription's queue for the voucher, whichever types it wants.
 */
function firstOfVoucher(events: readonly DeliverableEvent[]): boolean[] {
  const seen = new Set<string>();
  return events.map(({ hash }) => {
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

/** What one registry transaction recorded for the shop. */
export interface EnqueuedDeliveries {
  /** Deliveries written (0 without a matching subscription). */
  recorded: number;
  /** Those of them leased in the transaction, to be sent at its commit. */
  leased: readonly ClaimedDelivery[];
}

/** No subscription wanted anything of the batch. */
export const NO_DELIVERIES: EnqueuedDeliveries = Object.freeze({ recorded: 0, leased: Object.freeze([]) });

/**
 * Records the pushes a registry batch owes the shop, in the batch's own transaction: the Kafka
 * offset then moves only once they are durable, and a batch rolled back owes nothing. The heads
 * among them are leased in the same transaction and handed to the dispatcher at the commit
 * (ENQUEUE_DELIVERIES): a push leaves without waiting for a claim.
 */
@Injectable()
export class DeliveryEnqueuer {
  constructor(private readonly dispatcher: DeliveryDispatcher) {}

  /** Before the transaction: slots for up to `events` deliveries sent at its commit. */
  reserve(events: number): DeliveryHandOff {
    return this.dispatcher.reserve(events);
  }

  /**
   * `wanted`: the event types some live subscription wants, read in the same transaction
   * (SUBSCRIBED_EVENT_TYPES): without them no body is built and nothing is asked. Without a
   * hand-off (an operator's replay) nothing is leased: the dispatcher claims the rows.
   */
  async enqueue(session: SqlSession, handled: readonly DeliverableEvent[], wanted: ReadonlySet<string>, handOff?: DeliveryHandOff): Promise<EnqueuedDeliveries> {
    if (wanted.size === 0) return NO_DELIVERIES;
    const applied = handled.filter((h) => h.outcome === 'applied' && h.stateAfter !== null && wanted.has(h.event.eventType));
    if (applied.length === 0) return NO_DELIVERIES;
    const { rows } = await session.query<ClaimedDeliveryRow & { recorded: number }>(withValues(ENQUEUE_DELIVERIES, [
      applied.map(({ event }) => event.eventId),
      applied.map(({ event }) => event.eventType),
      applied.map(({ hash }) => hash),
      applied.map(({ event }) => maskVoucherCode(event.voucherCode)),
      applied.map(({ stateAfter }) => stateAfter!.sequence),
      applied.map(({ event }) => event.occurredAt),
      applied.map(({ event, stateAfter }) => deliveryData(event, stateAfter!)),
      handOff?.slots ?? 0,
      handOff?.leaseMs ?? 0,
      firstOfVoucher(applied),
    ]));
    return { recorded: rows[0]?.recorded ?? 0, leased: rows.filter((row) => row.event_id !== null).map(claimedDelivery) };
  }

  /** After COMMIT: the leased deliveries go out now, the others are the dispatcher's to claim. */
  committed(handOff: DeliveryHandOff, enqueued: EnqueuedDeliveries): void {
    this.dispatcher.handOff(handOff, enqueued.leased, enqueued.recorded);
  }

  /** The transaction rolled back: its slots are free again. */
  abandoned(handOff: DeliveryHandOff): void {
    this.dispatcher.release(handOff);
  }
}
