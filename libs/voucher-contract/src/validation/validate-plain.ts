import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Violation, toViolations } from './violation';

export interface ValidationResult<T> {
  value?: T;
  violations: Violation[];
}

/**
 * Validates untrusted data against a contract class. Unknown properties are violations:
 * `plainToInstance` alone does not validate anything.
 */
export function validatePlain<T extends object>(
  type: ClassConstructor<T>,
  plain: unknown,
  prefix = '',
): ValidationResult<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { violations: [{ field: prefix || '$', messages: [`${prefix || 'body'} must be a JSON object`] }] };
  }
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const violations = toViolations(errors, prefix);
  return violations.length > 0 ? { violations } : { value: instance, violations };
}
