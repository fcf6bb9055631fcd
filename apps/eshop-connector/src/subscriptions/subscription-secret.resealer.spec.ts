import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { SqlPool } from '@voucher-bridge/database';
import { SecretCipher, cipherKey } from '@voucher-bridge/secret-cipher';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { SubscriptionSecretResealer } from './subscription-secret.resealer';

const newKey = () => cipherKey(randomBytes(32).toString('base64'));

describe('SubscriptionSecretResealer.sealAll', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('seals clear rows and rows under a retired key under the current key; leaves unopenable rows, counted by key id', async () => {
    const [retired, current, unknown] = [newKey(), newKey(), newKey()];
    const old = new SubscriptionSecretCipher(new SecretCipher(retired));
    const cipher = new SubscriptionSecretCipher(new SecretCipher(current, [retired]));
    const rows = [
      { id: '1', subscription_id: 'a', secret: 'whsec_clear' },
      { id: '2', subscription_id: 'b', secret: old.seal('b', 'whsec_retired') },
      { id: '3', subscription_id: 'c', secret: new SubscriptionSecretCipher(new SecretCipher(unknown)).seal('c', 'whsec_lost') },
    ];
    const query = jest.fn()
      .mockResolvedValueOnce({ rows })
      .mockResolvedValueOnce({ rowCount: 2 });
    const round = await new SubscriptionSecretResealer({ query } as unknown as SqlPool, cipher).sealAll();

    expect(round).toEqual({ sealed: 2, wereClear: 1, unopenable: new Map([[unknown.id, 1]]) });
    expect(query.mock.calls[0][1]).toEqual([`sc1:${current.id}:%`, '0', 500]);
    const [ids, stored, sealed] = query.mock.calls[1][1] as string[][];
    expect(ids).toEqual(['1', '2']);
    expect(stored).toEqual([rows[0].secret, rows[1].secret]);
    expect(sealed.every((value) => cipher.needsSealing(value) === false)).toBe(true);
    expect([cipher.open('a', sealed[0]), cipher.open('b', sealed[1])]).toEqual(['whsec_clear', 'whsec_retired']);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('pages past a full round by row id', async () => {
    const cipher = new SubscriptionSecretCipher(new SecretCipher(newKey()));
    const full = Array.from({ length: 500 }, (_, i) => ({ id: String(i + 1), subscription_id: 's', secret: 'not sealed, not clear' }));
    const query = jest.fn().mockResolvedValueOnce({ rows: full }).mockResolvedValueOnce({ rows: [] });
    const round = await new SubscriptionSecretResealer({ query } as unknown as SqlPool, cipher).sealAll();
    expect(round.unopenable).toEqual(new Map([['unknown format', 500]]));
    expect(query.mock.calls[1][1][1]).toBe('500');
  });
});
