import { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Options } from 'pino-http';
import { appLoggingParams } from './app-logging.params';

function jsonOptions(): Options<IncomingMessage, ServerResponse> {
  const { pinoHttp } = appLoggingParams('test-app', 'debug', false);
  return (pinoHttp as [Options<IncomingMessage, ServerResponse>, unknown])[0];
}

function capture(): { lines: Record<string, any>[]; logger: pino.Logger } {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({ write(chunk, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
  const { genReqId, quietReqLogger, customLogLevel, ...options } = jsonOptions();
  return { lines, logger: pino(options as pino.LoggerOptions, stream) };
}

describe('appLoggingParams', () => {
  it('writes JSON lines with the level as a word, an ISO time and the app', () => {
    const { lines, logger } = capture();
    logger.warn('careful');
    expect(lines[0]).toMatchObject({ level: 'warn', app: 'test-app', msg: 'careful' });
    expect(new Date(lines[0].time).toISOString()).toBe(lines[0].time);
  });

  it('redacts credentials and plain voucher codes wherever they are put', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer vbk_cashbox_secret' } }, voucherCode: 'GIFT-2026-ABCD', body: { voucherCode: 'GIFT-2026-ABCD' } }, 'x');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('vbk_cashbox_secret');
    expect(text).not.toContain('GIFT-2026-ABCD');
  });

  it('logs an access line only at debug, and none for a 5xx (the problem filter logs those)', () => {
    const level = jsonOptions().customLogLevel!;
    const request = {} as IncomingMessage;
    expect(level(request, { statusCode: 202 } as ServerResponse, undefined)).toBe('debug');
    expect(level(request, { statusCode: 400 } as ServerResponse, undefined)).toBe('debug');
    expect(level(request, { statusCode: 503 } as ServerResponse, undefined)).toBe('silent');
    expect(level(request, { statusCode: 200 } as ServerResponse, new Error('aborted'))).toBe('silent');
  });
});
