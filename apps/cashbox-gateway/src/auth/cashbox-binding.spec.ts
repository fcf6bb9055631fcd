import type { ApiKey } from '@voucher-bridge/api-keys';
import { ProblemException } from '@voucher-bridge/http';
import { assertKeyIsFor } from './cashbox-binding';

const key = { kind: 'cashbox', storeId: 'store-1', cashboxId: 'box-1' } as ApiKey;

describe('assertKeyIsFor', () => {
  it('lets a key post for its own store and cashbox', () => {
    expect(() => assertKeyIsFor(key, { storeId: 'store-1', cashboxId: 'box-1' })).not.toThrow();
  });

  it.each([
    [{ storeId: 'store-2', cashboxId: 'box-1' }, 'storeId'],
    [{ storeId: 'store-1', cashboxId: 'box-2' }, 'cashboxId'],
  ])('refuses %j with 403 naming %s', (request, field) => {
    let error: unknown;
    try { assertKeyIsFor(key, request); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).problem).toMatchObject({ status: 403, field });
  });
});
