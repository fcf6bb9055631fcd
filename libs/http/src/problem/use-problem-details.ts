import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyError } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { problemValidationPipe } from './problem-validation.pipe';
import { ProblemException } from './problem.exception';

/**
 * Installs problem+json answers for everything: validation, Nest exceptions, and errors Fastify
 * raises before a controller runs (malformed JSON, wrong content type, oversized body).
 */
export function useProblemDetails(app: NestFastifyApplication): void {
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(problemValidationPipe());
  app.getHttpAdapter().getInstance().setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const problem = status === 500
      ? ProblemException.of(500, 'internal-error', 'Internal Server Error', 'The request could not be completed.').problem
      : ProblemException.of(status, 'malformed-request', 'Malformed request', error.message).problem;
    void reply.status(status).type(PROBLEM_CONTENT_TYPE).send(problem);
  });
}
