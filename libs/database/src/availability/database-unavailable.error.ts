import { ServiceUnavailableException } from '@nestjs/common';

/**
 * The request failed only because the database is away for now: a 503 the client may retry.
 * The cause is the one-line reason, for the log; the client sees none of it.
 */
export class DatabaseUnavailableError extends ServiceUnavailableException {
  constructor(readonly reason: string) {
    super('The database is unavailable for a moment; retry the request shortly.', { cause: new Error(reason) });
  }
}
