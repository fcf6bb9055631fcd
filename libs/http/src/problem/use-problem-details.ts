import { INestApplication } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { problemValidationPipe } from './problem-validation.pipe';

/**
 * problem+json answers for everything: validation, Nest exceptions, and errors Fastify raises
 * before a controller runs (malformed JSON, wrong content type, oversized body), which Nest
 * maps to HttpExceptions and hands to the same filter.
 */
export function useProblemDetails(app: INestApplication): void {
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(problemValidationPipe());
}
