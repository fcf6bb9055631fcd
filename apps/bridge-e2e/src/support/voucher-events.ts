import { randomUUID } from 'node:crypto';
import {
  VoucherEvent, cloudEventHeaders, serializeVoucherEvent, voucherCancelled, voucherPurchased, voucherRedeemed,
} from '@voucher-bridge/voucher-contract';
import { Bridge } from './bridge';
import { produce } from './kafka-client';

// The gateway has no redemption or cancellation endpoint yet: the specs put these events on the
// bridge's topic the way a cashbox service would, validated by the contract's serializer.
const source = { storeId: 'store-042', cashboxId: 'box-7' };

export function redemption(voucherCode: string, value: number, options: { currency?: string; redeemedAt?: string } = {}) {
  return voucherRedeemed({
    eventId: randomUUID(), occurredAt: new Date().toISOString(), voucherCode, ...source,
    payload: {
      amount: { value, currency: options.currency ?? 'EUR' },
      receiptNumber: `R-${randomUUID().slice(0, 8)}`,
      redeemedAt: options.redeemedAt ?? '2026-12-01T10:00:00+01:00',
    },
  });
}

export function cancellation(voucherCode: string) {
  return voucherCancelled({
    eventId: randomUUID(), occurredAt: new Date().toISOString(), voucherCode, ...source,
    payload: { receiptNumber: `R-${randomUUID().slice(0, 8)}`, cancelledAt: '2026-12-02T10:00:00+01:00', reason: 'sold by mistake' },
  });
}

/** A purchase event as the gateway would publish it for `body` (a `purchaseBody()`). */
export function purchaseEventOf(body: { voucherCode: string; amount: { value: number; currency: string }; storeId: string;
  cashboxId: string; receiptNumber: string; purchasedAt: string; expiresAt?: string }) {
  return voucherPurchased({
    eventId: randomUUID(), occurredAt: new Date().toISOString(), voucherCode: body.voucherCode,
    storeId: body.storeId, cashboxId: body.cashboxId,
    payload: { amount: body.amount, receiptNumber: body.receiptNumber, purchasedAt: body.purchasedAt, expiresAt: body.expiresAt },
  });
}

/** Produces the events in this order, keyed by voucher code (so one voucher's land in order on one partition). */
export async function produceEvents(bridge: Bridge, events: VoucherEvent[]): Promise<void> {
  await produce(bridge.topic, events.map((event) => ({
    key: event.voucherCode,
    value: serializeVoucherEvent(event),
    headers: cloudEventHeaders(event),
  })));
}

/** What the gateway's event ids look like: time-ordered UUIDs (version 7, newEventId). */
export const EVENT_ID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
