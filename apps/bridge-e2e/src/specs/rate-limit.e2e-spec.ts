import { createCashboxKey } from '../support/admin-cli';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('a cashbox over its request rate gets 429 with Retry-After', () => {
  const context = useBridge({ CASHBOX_RATE_LIMIT_PER_SECOND: '5' });

  it('refuses the requests over the limit, and only for that cashbox', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => postPurchase(context.bridge, purchaseBody())));
    const limited = burst.filter((answer) => answer.status === 429);
    expect(burst.filter((answer) => answer.status === 202).length).toBeLessThanOrEqual(10);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited[0].contentType).toContain('application/problem+json');
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited[0].body).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // Another cashbox of the same store is not held back by its neighbour.
    const neighbour = await createCashboxKey('store-042', 'box-9');
    const answer = await postPurchase(context.bridge, purchaseBody({ cashboxId: 'box-9' }), neighbour.secret);
    expect(answer.status).toBe(202);
  });
});
