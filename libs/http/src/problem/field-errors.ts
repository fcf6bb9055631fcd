import { ValidationError } from 'class-validator';

/** One entry of a 400 problem's `errors`: a body field by its dotted path, and what is wrong. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** class-validator's nested errors as the flat `errors` list a client reads. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
