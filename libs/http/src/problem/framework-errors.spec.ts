import Fastify from 'fastify';
import { answerFrameworkError } from './framework-errors';

describe('answerFrameworkError', () => {
  const app = Fastify({ frameworkErrors: answerFrameworkError });
  app.get('/v1/things/:id', async () => ({ ok: true }));
  afterAll(() => app.close());

  it('answers a path parameter over Fastify\'s length limit with a 414 problem document', async () => {
    const answer = await app.inject({ method: 'GET', url: `/v1/things/${'a'.repeat(300)}` });
    expect(answer.statusCode).toBe(414);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toMatchObject({ status: 414, type: 'urn:voucher-bridge:problem:uri-too-long' });
  });

  it('answers a malformed URL with a 400 problem document', async () => {
    const answer = await app.inject({ method: 'GET', url: '/v1/things/%E0%A4%A' });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toMatchObject({ status: 400 });
  });
});
