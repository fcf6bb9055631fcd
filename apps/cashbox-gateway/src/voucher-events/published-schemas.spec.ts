import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { oneFieldVariants } from '@voucher-bridge/fuzzing';
import { validatePlain, VoucherEvent, voucherEventJsonSchemas } from '@voucher-bridge/voucher-contract';
import { VoucherCancellationRequestDto } from '../cancellations/voucher-cancellation.request.dto';
import { toVoucherCancelledEvent } from '../cancellations/voucher-cancelled-event.mapper';
import { VoucherPurchaseRequestDto } from '../purchases/voucher-purchase.request.dto';
import { toVoucherPurchasedEvent } from '../purchases/voucher-purchased-event.mapper';
import { VoucherRedemptionRequestDto } from '../redemptions/voucher-redemption.request.dto';
import { toVoucherRedeemedEvent } from '../redemptions/voucher-redeemed-event.mapper';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const schemas = voucherEventJsonSchemas();
const schemaOf = (eventType: string) => ajv.compile(schemas[`${eventType}.v1.schema.json`]);
const cashbox = { voucherCode: 'GIFT-2026-ABCD', storeId: 'store-1', cashboxId: 'box-1', receiptNumber: 'R-1' };
const eventId = '3f0c8f5e-8a9b-4c8e-9d3e-2a1b4c5d6e7f';
const now = new Date('2026-11-21T10:15:00Z');

function accepted<T extends object>(type: new () => T, plain: object): T {
  const request = validatePlain(type, plain);
  expect(request.violations).toEqual([]);
  return request.value!;
}

/** Requests may leave the seconds out (ISO 8601); JSON Schema's date-time (RFC 3339) may not. */
describe('every event the gateway builds is one its published JSON Schema accepts', () => {
  it.each(['2026-11-21T11:15:00+01:00', '2026-11-21T11:15+01:00', '2026-11-21T11:15Z', '2026-11-21T11:15:30.5-05:00'])('date-times given as %s', (at) => {
    const purchase = toVoucherPurchasedEvent(accepted(VoucherPurchaseRequestDto, {
      ...cashbox, amount: { value: 5000, currency: 'EUR' }, purchasedAt: at, expiresAt: '2029-11-21T23:59+01:00',
    }), eventId, now);
    const redemption = toVoucherRedeemedEvent(accepted(VoucherRedemptionRequestDto, {
      ...cashbox, amount: { value: 1500, currency: 'EUR' }, redeemedAt: at,
    }), eventId, now);
    const cancellation = toVoucherCancelledEvent(accepted(VoucherCancellationRequestDto, { ...cashbox, cancelledAt: at, reason: 'sold by mistake' }), eventId, now);
    for (const event of [purchase, redemption, cancellation]) {
      const validate = schemaOf(event.eventType);
      expect({ event: event.eventType, valid: validate(event), errors: validate.errors ?? null }).toEqual({ event: event.eventType, valid: true, errors: null });
    }
    // The same instant, in the same offset, seconds written out.
    expect(Date.parse(purchase.payload.purchasedAt)).toBe(Date.parse(at));
    expect(purchase.payload.expiresAt).toBe('2029-11-21T23:59:00+01:00');
  });
});

describe('the published JSON Schemas and the gateway agree on thousands of one-field variants', () => {
  const mappers: [new () => object, object, (request: never) => VoucherEvent][] = [
    [VoucherPurchaseRequestDto, { ...cashbox, amount: { value: 5000, currency: 'EUR' }, purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00' },
      (request) => toVoucherPurchasedEvent(request, eventId, now)],
    [VoucherRedemptionRequestDto, { ...cashbox, amount: { value: 1500, currency: 'EUR' }, redeemedAt: '2026-11-22T10:00+01:00' },
      (request) => toVoucherRedeemedEvent(request, eventId, now)],
    [VoucherCancellationRequestDto, { ...cashbox, cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake' },
      (request) => toVoucherCancelledEvent(request, eventId, now)],
  ];

  it('every variant a cashbox may send becomes an event its schema accepts', () => {
    const refusedBySchema: string[] = [];
    let accepted = 0;
    for (const [type, body, toEvent] of mappers) {
      for (const variant of oneFieldVariants(JSON.parse(JSON.stringify(body)))) {
        const request = validatePlain(type, variant);
        if (request.violations.length > 0) continue;
        accepted++;
        const event = toEvent(request.value as never);
        const validate = schemaOf(event.eventType);
        if (!validate(event)) refusedBySchema.push(`${JSON.stringify(variant)}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(accepted).toBeGreaterThan(50);
    expect(refusedBySchema).toEqual([]);
  });
});
