import { ArgumentsHost, BadRequestException, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem.exception';

function replyFor(exception: unknown) {
  const reply = { statusCode: 0, contentType: '', body: undefined as unknown };
  const fastifyReply = {
    status(code: number) { reply.statusCode = code; return this; },
    type(type: string) { reply.contentType = type; return this; },
    send(body: unknown) { reply.body = body; return this; },
  };
  const host = { switchToHttp: () => ({ getResponse: () => fastifyReply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return reply;
}

describe('ProblemDetailsFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('sends a ProblemException as it is, as problem+json', () => {
    const reply = replyFor(ProblemException.of(409, 'taken', 'Taken', 'already sold', { field: 'voucherCode' }));
    expect(reply).toEqual({
      statusCode: 409,
      contentType: 'application/problem+json',
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

  it('lets a terminus health result through unchanged', () => {
    const health = { status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: { kafka: { status: 'down' } } };
    const reply = replyFor(new ServiceUnavailableException(health));
    expect(reply.statusCode).toBe(503);
    expect(reply.body).toEqual(health);
  });
});
