import { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { REDACTED_PATHS } from './log-redaction';
import { requestLogBindings } from './request-context';

export type LogLevel = Level;
export const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * pino for a whole app: JSON lines (level as a word, ISO time, the app's name) for production and
 * the e2e suite, which read stdout; pino-pretty when a person watches a terminal.
 */
export function appLoggingParams(app: string, level: LogLevel = 'info', human = process.stdout.isTTY === true): Params {
  const options: Options<IncomingMessage, ServerResponse> = {
    level,
    base: { app, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // pino-pretty colours by the numeric level; JSON readers prefer the word.
    formatters: human ? {} : { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // A line written during a request carries its id and what the handler added (RequestLog).
    mixin: () => requestLogBindings(),
    // The access line's request and answer (see useRequestContext), without headers.
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  // Synchronous writes: a line logged just before process.exit (a start-up failure) still arrives.
  const destination: DestinationStream = human
    ? pretty({ colorize: true, sync: true, destination: 1, ignore: 'pid,hostname' })
    : pino.destination({ dest: 1, sync: true });
  return {
    pinoHttp: [options, destination],
    // No per-request middleware: useRequestContext's Fastify hooks give each request its logging
    // context and its access line (see there why). nestjs-pino still provides the app's logger.
    forRoutes: [],
  };
}
