import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { FieldError, toFieldErrors } from './field-errors';
import { inheritedNameFields } from './inherited-names';
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
      exceptionFactory: (errors) => invalidRequest(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.useRecognisers && metadata.type === 'body') {
      const recognised = recogniserOf(metadata.metatype)?.(value);
      if (recognised !== undefined) return recognised;
    }
    const inherited = metadata.type === 'body' && this.toValidate(metadata) ? inheritedNameFields(value) : [];
    if (inherited.length === 0) return super.transform(value, metadata);
    // Refused with whatever else the full validation finds: every bad field at once.
    const others = await super.transform(value, metadata).then(() => [], (error: unknown) => {
      if (error instanceof ProblemException && Array.isArray(error.problem.errors)) return error.problem.errors as FieldError[];
      throw error;
    });
    throw invalidRequest([...others, ...inherited]);
  }
}

function invalidRequest(violations: FieldError[]): ProblemException {
  return ProblemException.of(400, 'invalid-request', 'Invalid request body',
    `Invalid fields: ${violations.map((v) => v.field).join(', ')}`, { errors: violations });
}
