import { createCashboxKey, createShopKey } from '../support/admin-cli';
import { lookUp, newVoucherCode } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('lookups need a shop key and are rate-limited per key', () => {
  const context = useBridge({ LOOKUP_RATE_LIMIT_PER_SECOND: '5' });

  it('answers 401 problem+json without a key, with an unknown key and with a cashbox key', async () => {
    const cashbox = await createCashboxKey('store-042', 'box-8');
    for (const secret of ['', 'vbk_shop_unknown', cashbox.secret]) {
      const answer = await lookUp(context.bridge, newVoucherCode(), secret);
      expect(answer.status).toBe(401);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 429 with Retry-After over LOOKUP_RATE_LIMIT_PER_SECOND, and only for that key', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => lookUp(context.bridge, newVoucherCode())));
    const limited = burst.filter((answer) => answer.status === 429);
    expect(burst.filter((answer) => answer.status === 404).length).toBeLessThanOrEqual(10);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited[0].contentType).toContain('application/problem+json');
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited[0].body).toMatchObject({ status: 429, title: 'Too Many Requests' });

    const otherShop = await createShopKey();
    expect((await lookUp(context.bridge, newVoucherCode(), otherShop.secret)).status).toBe(404);
  });
});
