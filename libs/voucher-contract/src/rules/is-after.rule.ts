import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';

/** The date-time in this property must lie after the one in `otherProperty`. */
export function IsAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options: { message: `$property must be after ${otherProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          return Date.parse(value) > Date.parse(other);
        },
      },
    });
}
