import { IsNotEmpty, IsString, Matches, MaxLength, ValidationOptions } from 'class-validator';

/** Store ids, cashbox ids and receipt numbers: short printable identifiers. */
export function IsReferenceId(options?: ValidationOptions): PropertyDecorator {
  const decorators = [
    IsString(options),
    IsNotEmpty(options),
    MaxLength(64, options),
    Matches(/^[\x21-\x7E]+$/, { message: '$property must be printable ASCII without spaces', ...options }),
  ];
  return (target: object, propertyName: string | symbol) => {
    for (const decorate of decorators) decorate(target, propertyName);
  };
}
