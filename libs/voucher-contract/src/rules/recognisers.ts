import { isInt, isISO4217CurrencyCode, isNotEmpty, isPositive, isString, matches, max, maxLength } from 'class-validator';
import { isDateTimeWithOffset } from './date-time-with-offset.rule';
import { VOUCHER_CODE_PATTERN } from './voucher-code.rule';

/**
 * The rules of this folder as plain predicates, for fast paths that recognise the everyday shape
 * of an event or a request body without class-transformer and class-validator's metadata walk.
 * Each calls the same class-validator predicates its decorator uses. A fast path built on them
 * may only ever be STRICTER than the decorators: what it does not recognise goes the full way,
 * which decides and names the violations. Tighten a decorator, tighten its predicate here too
 * (the fast paths' specs check that whatever they recognise passes the full validation).
 */
export const recognise = {
  money(value: unknown): boolean {
    return isRecord(value) && hasExactly(value, MONEY_KEYS) && isInt(value.value) && isPositive(value.value)
      && max(value.value, Number.MAX_SAFE_INTEGER) && isString(value.currency) && matches(value.currency, UPPER_CASE_CODE)
      && isISO4217CurrencyCode(value.currency);
  },
  referenceId(value: unknown): boolean {
    return isString(value) && isNotEmpty(value) && maxLength(value, 64) && matches(value, PRINTABLE_ASCII);
  },
  voucherCode(value: unknown): value is string {
    return isString(value) && matches(value, VOUCHER_CODE_PATTERN);
  },
  cancellationReason(value: unknown): boolean {
    return isString(value) && isNotEmpty(value) && maxLength(value, 200) && matches(value, NO_CONTROL_CHARACTERS);
  },
  dateTimeWithOffset: isDateTimeWithOffset,
  /** `IsAfter`: both date-times (already recognised), the first one later. */
  after(later: string, earlier: string): boolean {
    return Date.parse(later) > Date.parse(earlier);
  },
  record: isRecord,
  /** Exactly these own properties, each defined: whitelisting forbids any other. */
  exactly: hasExactly,
};

const MONEY_KEYS = ['value', 'currency'];
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
const UPPER_CASE_CODE = /^[A-Z]{3}$/;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]+$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key) && value[key] !== undefined);
}
