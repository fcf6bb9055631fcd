import { ValidationOptions, registerDecorator } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// ISO 8601 date-time that names its offset: a cashbox's local time without one is ambiguous.
const DATE_TIME_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Vouchers were not sold before 2000, and four-digit years end at 9999. The bound also keeps
 * every accepted value inside what PostgreSQL's timestamptz takes (it refuses year 0).
 */
export const DATE_TIME_YEARS = { earliest: 2000, latest: 9999 } as const;

// Real offsets lie between -12:00 and +14:00; PostgreSQL refuses anything beyond ±15:59.
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Checks every component itself: `Date.parse` rolls 30 February over into March and takes
 * offsets up to ±23:59, which PostgreSQL then refuses when the row is written.
 */
export function isDateTimeWithOffset(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_TIME_WITH_OFFSET.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] =
    match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  return (
    year >= DATE_TIME_YEARS.earliest && year <= DATE_TIME_YEARS.latest &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 &&
    offsetMinutes <= 59 && offsetHours * 60 + offsetMinutes <= MAX_OFFSET_MINUTES
  );
}

/**
 * What the published JSON Schemas promise of a date-time: RFC 3339, seconds included, as JSON
 * Schema's `format: date-time` (and so a consumer's validator, ajv-formats for one) requires.
 * Requests may leave the seconds out (ISO 8601); events carry them (`withSeconds`).
 */
const RFC_3339_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A valid date-time as RFC 3339: `2026-11-21T11:15+01:00` becomes `2026-11-21T11:15:00+01:00`,
 * the same instant in the same offset; one with seconds comes back as it is.
 */
export function withSeconds(dateTime: string): string {
  return dateTime.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-])/, '$1:00');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    // What the published JSON Schemas say of such a field (the calendar checks stay in code).
    JSONSchema({
      type: 'string', format: 'date-time', pattern: RFC_3339_WITH_OFFSET.source,
      description: `RFC 3339 date-time with an offset (at most ±14:00), years ${DATE_TIME_YEARS.earliest}-${DATE_TIME_YEARS.latest}`,
    })(target, propertyName as string);
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be an ISO 8601 date-time with an offset, e.g. 2026-11-21T10:15:00+01:00, ` +
          `in the years ${DATE_TIME_YEARS.earliest}-${DATE_TIME_YEARS.latest}`,
        ...options,
      },
      validator: { validate: isDateTimeWithOffset },
    });
  };
}
