import { isUUID } from 'class-validator';
import { isDateTimeWithOffset, recognise } from '../rules';

/**
 * The everyday event, recognised without class-transformer and class-validator's metadata walk
 * (half of a consumer's CPU at high rates). It calls the same predicates the decorators use (the
 * rules' `recognise`) and may only ever be STRICTER than the full validation: anything it does not
 * recognise — an optional field set to null, an unknown property, any doubt — goes the full way,
 * which decides and names the violations. Tighten a decorator, tighten this too (fast-path.spec.ts checks that
 * whatever passes here passes the full validation).
 */
export function passesFastPath(plain: unknown): boolean {
  if (!isRecord(plain) || !hasExactly(plain, ENVELOPE_KEYS)) return false;
  const { eventId, eventType, schemaVersion, occurredAt, source, voucherCode, payload } = plain;
  if (!(isUUID(eventId) && schemaVersion === 1 && isDateTimeWithOffset(occurredAt) && isVoucherCode(voucherCode))) return false;
  if (!isRecord(source) || !hasExactly(source, SOURCE_KEYS) || !isReferenceId(source.storeId) || !isReferenceId(source.cashboxId)) return false;
  if (!isRecord(payload)) return false;
  switch (eventType) {
    case 'voucher.purchased':
      return purchasedPayload(payload);
    case 'voucher.redeemed':
      return hasExactly(payload, REDEEMED_KEYS) && isMoney(payload.amount) && isReferenceId(payload.receiptNumber)
        && isDateTimeWithOffset(payload.redeemedAt);
    case 'voucher.cancelled':
      return hasExactly(payload, CANCELLED_KEYS) && isReferenceId(payload.receiptNumber) && isDateTimeWithOffset(payload.cancelledAt)
        && isCancellationReason(payload.reason);
    default:
      return false;
  }
}

const ENVELOPE_KEYS = ['eventId', 'eventType', 'schemaVersion', 'occurredAt', 'source', 'voucherCode', 'payload'];
const SOURCE_KEYS = ['storeId', 'cashboxId'];
const REDEEMED_KEYS = ['amount', 'receiptNumber', 'redeemedAt'];
const CANCELLED_KEYS = ['receiptNumber', 'cancelledAt', 'reason'];
const PURCHASED_KEYS = ['amount', 'receiptNumber', 'purchasedAt'];
const { money: isMoney, referenceId: isReferenceId, voucherCode: isVoucherCode, cancellationReason: isCancellationReason, record: isRecord, exactly: hasExactly } = recognise;

function purchasedPayload(payload: Record<string, unknown>): boolean {
  const { amount, receiptNumber, purchasedAt, expiresAt } = payload;
  const keys = expiresAt === undefined ? PURCHASED_KEYS : [...PURCHASED_KEYS, 'expiresAt'];
  if (!hasExactly(payload, keys) || !isMoney(amount) || !isReferenceId(receiptNumber) || !isDateTimeWithOffset(purchasedAt)) return false;
  return expiresAt === undefined || (isDateTimeWithOffset(expiresAt) && Date.parse(expiresAt) > Date.parse(purchasedAt));
}
