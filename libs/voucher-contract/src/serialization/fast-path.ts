import { isInt, isISO4217CurrencyCode, isNotEmpty, isPositive, isString, isUUID, matches, max, maxLength } from 'class-validator';
import { VOUCHER_CODE_PATTERN, isDateTimeWithOffset } from '../rules';

/**
 * The everyday event, recognised without class-transformer and class-validator's metadata walk
 * (half of a consumer's CPU at high rates). It calls the same predicates the decorators use and
 * may only ever be STRICTER than the full validation: anything it does not recognise — an
 * optional field set to null, an unknown property, any doubt — goes the full way, which decides
 * and names the violations. Tighten a decorator, tighten this too (fast-path.spec.ts checks that
 * whatever passes here passes the full validation).
 */
export function passesFastPath(plain: unknown): boolean {
  if (!isRecord(plain) || !hasExactly(plain, ENVELOPE_KEYS)) return false;
  const { eventId, eventType, schemaVersion, occurredAt, source, voucherCode, payload } = plain;
  if (!(isUUID(eventId) && schemaVersion === 1 && isDateTimeWithOffset(occurredAt) && isString(voucherCode)
    && matches(voucherCode, VOUCHER_CODE_PATTERN))) return false;
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
        && isString(payload.reason) && isNotEmpty(payload.reason) && maxLength(payload.reason, 200) && matches(payload.reason, NO_CONTROL_CHARACTERS);
    default:
      return false;
  }
}

const ENVELOPE_KEYS = ['eventId', 'eventType', 'schemaVersion', 'occurredAt', 'source', 'voucherCode', 'payload'];
const SOURCE_KEYS = ['storeId', 'cashboxId'];
const MONEY_KEYS = ['value', 'currency'];
const REDEEMED_KEYS = ['amount', 'receiptNumber', 'redeemedAt'];
const CANCELLED_KEYS = ['receiptNumber', 'cancelledAt', 'reason'];
const PURCHASED_KEYS = ['amount', 'receiptNumber', 'purchasedAt'];
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
const UPPER_CASE_CODE = /^[A-Z]{3}$/;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]+$/u;

function purchasedPayload(payload: Record<string, unknown>): boolean {
  const { amount, receiptNumber, purchasedAt, expiresAt } = payload;
  const keys = expiresAt === undefined ? PURCHASED_KEYS : [...PURCHASED_KEYS, 'expiresAt'];
  if (!hasExactly(payload, keys) || !isMoney(amount) || !isReferenceId(receiptNumber) || !isDateTimeWithOffset(purchasedAt)) return false;
  return expiresAt === undefined || (isDateTimeWithOffset(expiresAt) && Date.parse(expiresAt) > Date.parse(purchasedAt));
}

function isMoney(value: unknown): boolean {
  return isRecord(value) && hasExactly(value, MONEY_KEYS) && isInt(value.value) && isPositive(value.value)
    && max(value.value, Number.MAX_SAFE_INTEGER) && isString(value.currency) && matches(value.currency, UPPER_CASE_CODE)
    && isISO4217CurrencyCode(value.currency);
}

function isReferenceId(value: unknown): boolean {
  return isString(value) && isNotEmpty(value) && maxLength(value, 64) && matches(value, PRINTABLE_ASCII);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly these own properties, each defined: whitelisting forbids any other. */
function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key) && value[key] !== undefined);
}
