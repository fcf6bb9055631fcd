import { randomBytes } from 'node:crypto';
import type { SqlPool } from '@voucher-bridge/database';
import { SecretCipher, cipherKey } from '@voucher-bridge/secret-cipher';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { SubscriptionSecretsReader } from './subscription-secrets.reader';

const cipher = new SubscriptionSecretCipher(new SecretCipher(cipherKey(randomBytes(32).toString('base64'))));

describe('SubscriptionSecretsReader.validSecrets', () => {
  const at = new Date('2026-11-25T12:00:00Z');

  it('groups the opened secrets per subscription in the order SQL gives them (current first), once per id; a clear legacy row as it is', async () => {
    const query = jest.fn().mockResolvedValue({
      rows: [
        { subscription_id: 'a', secret: cipher.seal('a', 'whsec_new') },
        { subscription_id: 'a', secret: 'whsec_old' },
        { subscription_id: 'b', secret: cipher.seal('b', 'whsec_b') },
      ],
    });
    const reader = new SubscriptionSecretsReader({ query } as unknown as SqlPool, cipher);
    const secrets = await reader.validSecrets(['a', 'b', 'a', 'c'], at);
    expect([...secrets]).toEqual([['a', ['whsec_new', 'whsec_old']], ['b', ['whsec_b']]]);
    expect(query).toHaveBeenCalledWith(expect.stringMatching(/expires_at IS NULL OR expires_at > \$2[\s\S]*ORDER BY subscription_id, id DESC/), [['a', 'b', 'c'], at]);
  });

  it('asks nothing for no ids', async () => {
    const query = jest.fn();
    const secrets = await new SubscriptionSecretsReader({ query } as unknown as SqlPool, cipher).validSecrets([], at);
    expect(secrets.size).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });

  it('rejects a secret sealed for another subscription', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [{ subscription_id: 'a', secret: cipher.seal('b', 'whsec_b') }] });
    await expect(new SubscriptionSecretsReader({ query } as unknown as SqlPool, cipher).validSecrets(['a'], at)).rejects.toThrow(/failed authentication/);
  });
});
