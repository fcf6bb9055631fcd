import { ValidationOptions, registerDecorator } from 'class-validator';

// ISO 8601 date-time that names its offset: a cashbox's local time without one is ambiguous.
const DATE_TIME_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isDateTimeWithOffset(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TIME_WITH_OFFSET.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 date-time with an offset, e.g. 2026-11-21T10:15:00+01:00',
        ...options,
      },
      validator: { validate: isDateTimeWithOffset },
    });
}
