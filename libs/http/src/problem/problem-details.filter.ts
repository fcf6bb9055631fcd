import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';

/** Every error an HTTP client sees is a problem+json document; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isHealthCheckResult(exception)) {
      // Terminus' own body: what monitoring tools read.
      reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return ProblemException.of(status, slugOf(status), HttpStatus[status] ? titleOf(status) : 'Error', exception.message).problem;
    }
    return ProblemException.of(500, 'internal-error', 'Internal Server Error', 'The request could not be completed.').problem;
  }
}

function slugOf(status: number): string {
  return (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');
}

function titleOf(status: number): string {
  return (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

function isHealthCheckResult(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return false;
  const body = exception.getResponse();
  return typeof body === 'object' && body !== null && 'details' in body && 'status' in body;
}
