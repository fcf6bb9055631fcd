import { ArgumentsHost, BadRequestException, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem.exception';

function replyFor(exception: unknown, filter = new ProblemDetailsFilter()) {
  const reply = { statusCode: 0, contentType: '', body: undefined as unknown, headers: {} as Record<string, string> };
  const fastifyReply = {
    status(code: number) { reply.statusCode = code; return this; },
    header(name: string, value: string) { reply.headers[name] = value; return this; },
    type(type: string) { reply.contentType = type; return this; },
    send(body: unknown) { reply.body = body; return this; },
  };
  const host = { switchToHttp: () => ({ getResponse: () => fastifyReply }) } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return reply;
}

describe('ProblemDetailsFilter', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('sends a ProblemException as it is, as problem+json', () => {
    const reply = replyFor(ProblemException.of(409, 'taken', 'Taken', 'already sold', { field: 'voucherCode' }));
    expect(reply).toEqual({
      statusCode: 409,
      contentType: 'application/problem+json',
      headers: {},
      body: { type: 'urn:voucher-bridge:problem:taken', title: 'Taken', status: 409, detail: 'already sold', field: 'voucherCode' },
    });
  });

  it('turns other HTTP exceptions into problems with their status', () => {
    expect(replyFor(new NotFoundException('Cannot POST /nowhere')).body).toMatchObject({ status: 404, title: 'Not Found', detail: 'Cannot POST /nowhere' });
    expect(replyFor(new BadRequestException('Unexpected token')).statusCode).toBe(400);
  });

  it('reveals nothing of an unexpected error', () => {
    const reply = replyFor(new Error('connection to 10.0.0.5 refused, password=hunter2'));
    expect(reply.statusCode).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('hunter2');
  });

  it('answers a dependency that is away with 503 and Retry-After, logged as one line, not per request', () => {
    const filter = new ProblemDetailsFilter();
    const away = () => new ServiceUnavailableException('The database is unavailable for a moment.', { cause: new Error('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432') });
    const replies = Array.from({ length: 50 }, () => replyFor(away(), filter));

    expect(replies[0]).toMatchObject({
      statusCode: 503,
      contentType: 'application/problem+json',
      headers: { 'retry-after': '5' },
      body: { status: 503, type: 'urn:voucher-bridge:problem:service-unavailable', detail: 'The database is unavailable for a moment.' },
    });
    expect(Logger.prototype.warn).toHaveBeenCalledTimes(1);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'));
    expect(Logger.prototype.error).not.toHaveBeenCalled();
  });

  it('logs the stack of an unexpected error once, not once per request', () => {
    const filter = new ProblemDetailsFilter();
    for (let i = 0; i < 20; i++) replyFor(new RangeError('Maximum call stack size exceeded'), filter);
    expect(Logger.prototype.error).toHaveBeenCalledTimes(1);
  });

  it('lets the app\'s translators turn errors they recognise into the exception the client sees', () => {
    const translators = [(error: unknown) => ((error as { code?: string }).code === 'ECONNREFUSED'
      ? new ServiceUnavailableException('The database is unavailable for a moment.', { cause: error }) : undefined)];
    const filter = new ProblemDetailsFilter(translators);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(replyFor(refused, filter)).toMatchObject({ statusCode: 503, headers: { 'retry-after': '5' } });
    expect(replyFor(new Error('duplicate key value violates unique constraint'), filter).statusCode).toBe(500);
    expect(replyFor(new NotFoundException('Cannot GET /x'), filter).statusCode).toBe(404);
  });

  it('lets a terminus health result through unchanged', () => {
    const health = { status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: { kafka: { status: 'down' } } };
    const reply = replyFor(new ServiceUnavailableException(health));
    expect(reply.statusCode).toBe(503);
    expect(reply.body).toEqual(health);
  });
});
