import { IsNotEmpty, IsString, Matches, MaxLength, ValidationOptions } from 'class-validator';

/** Why a voucher was cancelled, in the cashier's words: one line of at most 200 characters. */
export function IsCancellationReason(options?: ValidationOptions): PropertyDecorator {
  const decorators = [
    IsString(options),
    IsNotEmpty(options),
    MaxLength(200, options),
    Matches(/^[^\p{Cc}]+$/u, { message: '$property must not contain control characters', ...options }),
  ];
  return (target: object, propertyName: string | symbol) => {
    for (const decorate of decorators) decorate(target, propertyName);
  };
}
