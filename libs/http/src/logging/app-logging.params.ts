import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream, Level, LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { REDACTED_PATHS } from './log-redaction';
import { requestIdOf } from './request-id';

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
    // Fastify has set `req.id` by then (see bootstrapHttpApp); this is for a request it did not.
    genReqId: requestIdOf,
    // Lines logged during a request carry only its id, not the request with its headers.
    quietReqLogger: true,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: accessLogLevel,
  };
  // Synchronous writes: a line logged just before process.exit (a start-up failure) still arrives.
  const destination: DestinationStream = human
    ? pretty({ colorize: true, sync: true, destination: 1, ignore: 'pid,hostname' })
    : pino.destination({ dest: 1, sync: true });
  return {
    pinoHttp: [options, destination],
    assignResponse: true,
    // nestjs-pino's default route pattern (`{/*splat}`) matches no route under Fastify's middie
    // here: no request id on the lines and no access line. This one matches every path.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  };
}

/**
 * One line per answered request only at LOG_LEVEL=debug: at info, a rejected request logs nothing
 * (the client is told) and a flood of them cannot flood the log. 5xx answers are never logged
 * here: the problem filter already logs them, once per kind every 10 s.
 */
function accessLogLevel(_request: IncomingMessage, response: ServerResponse, error?: Error): LevelWithSilent {
  return error || response.statusCode >= 500 ? 'silent' : 'debug';
}
