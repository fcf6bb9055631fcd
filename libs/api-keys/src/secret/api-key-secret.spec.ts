import { hashApiKeySecret, newApiKeySecret } from './api-key-secret';

describe('newApiKeySecret', () => {
  it('makes a random secret of the kind, stores only its hash, and a hint that does not reveal it', () => {
    const a = newApiKeySecret('cashbox');
    const b = newApiKeySecret('cashbox');
    expect(a.secret).toMatch(/^vbk_cashbox_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(hashApiKeySecret(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hint).toBe(`${a.secret.slice(0, 16)}…`);
    expect(newApiKeySecret('shop').secret).toMatch(/^vbk_shop_/);
  });
});
