import { classifyAnswer } from './delivery-result';

describe('classifyAnswer', () => {
  it.each([200, 201, 202, 204, 299])('takes %i as delivered', (status) => {
    expect(classifyAnswer(status, undefined)).toEqual({ kind: 'delivered', status });
  });

  it.each([429, 500, 502, 503, 504])('retries %i, keeping Retry-After', (status) => {
    expect(classifyAnswer(status, 30_000)).toMatchObject({ kind: 'retry', status, retryAfterMs: 30_000 });
  });

  it('disables the subscription on 410', () => {
    expect(classifyAnswer(410, undefined)).toMatchObject({ kind: 'gone', status: 410 });
  });

  it.each([301, 400, 401, 403, 404, 413, 422])('parks %i', (status) => {
    expect(classifyAnswer(status, undefined)).toMatchObject({ kind: 'park', status, error: `endpoint answered ${status}` });
  });
});
