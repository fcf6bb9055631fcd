import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';
import { reasonOf, rejectedRequests } from './rejected-requests.metric';
import { ThrottledLog } from './throttled-log';

/**
 * A 503 means a dependency is away for now; PostgreSQL restarts within seconds, and the pool gives
 * up connecting after 5 s.
 */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Turns an error it recognises into the exception the client should see (e.g. the database
 * library's "away for now" into a 503); `undefined` for every other error.
 */
export type ErrorTranslator = (error: unknown) => Error | undefined;

/**
 * Every error an HTTP client sees is a problem+json document; internals never leak. 4xx answers
 * are not logged (the client is told); a 503 is one warning line, a 500 one stack trace, each
 * at most once per kind every 10 s. The app's translators see each error first.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);
  private readonly throttle = new ThrottledLog(10_000);

  constructor(private readonly translators: readonly ErrorTranslator[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const exception = this.translate(error);
    if (isHealthCheckResult(exception)) {
      // Terminus' own body: what monitoring tools read.
      reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception);
    if (problem.status === 503) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      const line = `503 ${problem.detail ?? problem.title} (${causeOf(exception)})`;
      this.throttle.write(`503 ${line}`, line, (text) => this.logger.warn(text));
    } else if (problem.status >= 500) {
      const text = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.throttle.write(`500 ${text.split('\n')[0]}`, text, (logged) => this.logger.error(logged));
    }
    rejectedRequests.inc({ status: String(problem.status), reason: reasonOf(problem.type) });
    reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  }

  private translate(error: unknown): unknown {
    for (const translator of this.translators) {
      const translated = translator(error);
      if (translated) return translated;
    }
    return error;
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

function causeOf(exception: unknown): string {
  const cause = exception instanceof Error ? exception.cause : undefined;
  return cause instanceof Error ? cause.message.split('\n')[0] : 'no cause given';
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
