import Fastify, { FastifyInstance } from 'fastify';
import { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { Options, pinoHttp } from 'pino-http';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { appLoggingParams } from './app-logging.params';
import { annotateRequest } from './request-context';
import { useRequestContext } from './use-request-context';

describe('useRequestContext', () => {
  let fastify: FastifyInstance;
  let lines: Record<string, any>[];
  let logger: pino.Logger;

  beforeEach(() => {
    lines = [];
    const stream = new Writable({ write(chunk, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    // The app's logger as nestjs-pino builds it: pino-http's, with appLoggingParams' options.
    const [options] = appLoggingParams('test-app', 'debug', false).pinoHttp as [Options<IncomingMessage, ServerResponse>, unknown];
    logger = pinoHttp(options, stream).logger;
    fastify = Fastify({ genReqId: (request) => String(request.headers['x-request-id'] ?? 'generated') });
  });
  afterEach(() => fastify.close());

  async function serve(level: pino.Level): Promise<void> {
    logger.level = level;
    useRequestContext(fastify, () => logger);
    fastify.post<{ Body: { code: string; status: number } }>('/sale', async (request, reply) => {
      await delay(Number(request.headers['x-delay'] ?? 0));
      annotateRequest({ voucherCodeMasked: `****${request.body.code}` });
      await delay(1);
      return reply.code(request.body.status).send({ ok: true });
    });
    await fastify.ready();
  }

  it('answers with the request id and, at debug, logs one access line with what the handler added', async () => {
    await serve('debug');
    // Two requests at once: each line carries only its own request's fields.
    const [first, second] = await Promise.all([
      fastify.inject({ method: 'POST', url: '/sale', headers: { 'x-request-id': 'r-1', 'x-delay': '5' }, payload: { code: 'AAAA', status: 202 } }),
      fastify.inject({ method: 'POST', url: '/sale', headers: { 'x-request-id': 'r-2' }, payload: { code: 'BBBB', status: 400 } }),
    ]);
    expect([first.headers['x-request-id'], second.headers['x-request-id']]).toEqual(['r-1', 'r-2']);
    const access = lines.filter((line) => line.msg === 'request completed')
      .map(({ reqId, voucherCodeMasked, req, res }) => ({ reqId, voucherCodeMasked, req, res }))
      .sort((a, b) => a.reqId.localeCompare(b.reqId));
    expect(access).toEqual([
      { reqId: 'r-1', voucherCodeMasked: '****AAAA', req: { method: 'POST', url: '/sale' }, res: { statusCode: 202 } },
      { reqId: 'r-2', voucherCodeMasked: '****BBBB', req: { method: 'POST', url: '/sale' }, res: { statusCode: 400 } },
    ]);
  });

  it('logs no access line for a 5xx, nor any at info', async () => {
    await serve('debug');
    await fastify.inject({ method: 'POST', url: '/sale', payload: { code: 'CCCC', status: 503 } });
    logger.level = 'info';
    await fastify.inject({ method: 'POST', url: '/sale', payload: { code: 'DDDD', status: 202 } });
    expect(lines).toEqual([]);
  });
});
