import { ValidationError } from 'class-validator';

/** One invalid field, by its dotted path, with every rule it broke. */
export interface Violation {
  field: string;
  messages: string[];
}

export function toViolations(errors: ValidationError[], prefix = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}
