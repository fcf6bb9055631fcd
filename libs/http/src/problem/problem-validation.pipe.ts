import { ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from './field-errors';
import { ProblemException } from './problem.exception';
import { cacheValidationMetadata } from './validation-metadata.cache';

/** Validates request bodies with class-validator; unknown fields are errors, not silently dropped. */
export function problemValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const violations = toFieldErrors(errors);
      return ProblemException.of(400, 'invalid-request', 'Invalid request body',
        `Invalid fields: ${violations.map((v) => v.field).join(', ')}`, { errors: violations });
    },
  });
}
