import type { SqlPool } from '@voucher-bridge/database';
import { SubscriptionSecretsReader } from './subscription-secrets.reader';

describe('SubscriptionSecretsReader.validSecrets', () => {
  const at = new Date('2026-11-25T12:00:00Z');

  it('groups the rows per subscription in the order SQL gives them (current first), once per id', async () => {
    const query = jest.fn().mockResolvedValue({
      rows: [
        { subscription_id: 'a', secret: 'whsec_new' },
        { subscription_id: 'a', secret: 'whsec_old' },
        { subscription_id: 'b', secret: 'whsec_b' },
      ],
    });
    const reader = new SubscriptionSecretsReader({ query } as unknown as SqlPool);
    const secrets = await reader.validSecrets(['a', 'b', 'a', 'c'], at);
    expect([...secrets]).toEqual([['a', ['whsec_new', 'whsec_old']], ['b', ['whsec_b']]]);
    expect(query).toHaveBeenCalledWith(expect.stringMatching(/expires_at IS NULL OR expires_at > \$2[\s\S]*ORDER BY subscription_id, id DESC/), [['a', 'b', 'c'], at]);
  });

  it('asks nothing for no ids', async () => {
    const query = jest.fn();
    const secrets = await new SubscriptionSecretsReader({ query } as unknown as SqlPool).validSecrets([], at);
    expect(secrets.size).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });
});
