import { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Options } from 'pino-http';
import { appLoggingParams } from './app-logging.params';
import { annotateRequest, runInRequestContext } from './request-context';

function jsonOptions(): Options<IncomingMessage, ServerResponse> {
  const { pinoHttp } = appLoggingParams('test-app', 'debug', false);
  return (pinoHttp as [Options<IncomingMessage, ServerResponse>, unknown])[0];
}

function capture(): { lines: Record<string, any>[]; logger: pino.Logger } {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({ write(chunk, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
  return { lines, logger: pino(jsonOptions() as pino.LoggerOptions, stream) };
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

  it("adds the current request's id and fields to a line, and nothing outside a request", () => {
    const { lines, logger } = capture();
    runInRequestContext({ reqId: 'r-1' }, () => {
      logger.info('before');
      annotateRequest({ eventId: 'e-1', voucherCodeMasked: '****ABCD' });
      logger.info('after');
    });
    logger.info('outside');
    expect(lines.map(({ msg, reqId, eventId, voucherCodeMasked }) => ({ msg, reqId, eventId, voucherCodeMasked }))).toEqual([
      { msg: 'before', reqId: 'r-1', eventId: undefined, voucherCodeMasked: undefined },
      { msg: 'after', reqId: 'r-1', eventId: 'e-1', voucherCodeMasked: '****ABCD' },
      { msg: 'outside', reqId: undefined, eventId: undefined, voucherCodeMasked: undefined },
    ]);
  });
});
