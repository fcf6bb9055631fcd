import { ProblemException } from '@voucher-bridge/http';
import { idempotencyKeyOf } from './idempotency-key.header';

describe('idempotencyKeyOf', () => {
  it('takes a missing header as no key and a UUID as the key', () => {
    expect(idempotencyKeyOf(undefined)).toBeNull();
    expect(idempotencyKeyOf('5b0f1a64-4a4e-4c69-9f3b-3f8e6c1d2a10')).toBe('5b0f1a64-4a4e-4c69-9f3b-3f8e6c1d2a10');
  });

  it.each([[''], ['has space'], ['x'.repeat(256)], ['ключ'], [['a', 'b']]])('refuses %j with a 400 naming the header', (header) => {
    let error: unknown;
    try { idempotencyKeyOf(header as string); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).problem).toMatchObject({ status: 400, errors: [{ field: 'Idempotency-Key' }] });
  });
});
