import { INestApplication } from '@nestjs/common';
import { ErrorTranslator, ProblemDetailsFilter } from './problem-details.filter';
import { problemValidationPipe } from './problem-validation.pipe';

/**
 * problem+json answers for everything: validation, Nest exceptions, and errors Fastify raises
 * before a controller runs (malformed JSON, wrong content type, oversized body), which Nest
 * maps to HttpExceptions and hands to the same filter. `translators` recognise errors of the
 * app's own dependencies (see ErrorTranslator).
 */
export function useProblemDetails(app: INestApplication, translators: readonly ErrorTranslator[] = []): void {
  app.useGlobalFilters(new ProblemDetailsFilter(translators));
  app.useGlobalPipes(problemValidationPipe());
}
