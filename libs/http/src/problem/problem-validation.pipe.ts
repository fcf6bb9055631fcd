import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from './field-errors';
import { ProblemException } from './problem.exception';
import { recogniserOf } from './recognisable-body';
import { cacheValidationMetadata } from './validation-metadata.cache';

/**
 * Validates request bodies with class-validator; unknown fields are errors, not silently dropped.
 * A body class that is a `RecognisableBody` is asked first; what it does not recognise is
 * validated in full. `recognisers: false` validates everything in full (the recognisers' specs
 * compare against it).
 */
export function problemValidationPipe(options: { recognisers?: boolean } = {}): ValidationPipe {
  cacheValidationMetadata();
  return new RecognisingValidationPipe(options.recognisers ?? true);
}

class RecognisingValidationPipe extends ValidationPipe {
  constructor(private readonly useRecognisers: boolean) {
    super({
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

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.useRecognisers && metadata.type === 'body') {
      const recognised = recogniserOf(metadata.metatype)?.(value);
      if (recognised !== undefined) return recognised;
    }
    return super.transform(value, metadata);
  }
}
