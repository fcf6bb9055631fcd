import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { SELECT_VALID_SECRETS } from './subscriptions.sql';

/**
 * The signing secrets of subscriptions, for the delivery engine: after a rotation a delivery is
 * signed with the current secret and with every older one still inside its overlap, so the shop
 * can switch its verifier at leisure (Standard Webhooks allows several `v1,` signatures).
 */
@Injectable()
export class SubscriptionSecretsReader {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool, private readonly cipher: SubscriptionSecretCipher) {}

  /**
   * Secrets valid at `at` per subscription id, the current (newest) first. A subscription without
   * a valid secret (unknown id) is absent from the map. Deleted subscriptions are not filtered
   * here: whether to push at all is the caller's decision. Rejects (`SecretCipherError`) when a
   * stored secret cannot be opened.
   */
  async validSecrets(subscriptionIds: string[], at: Date): Promise<Map<string, string[]>> {
    const secrets = new Map<string, string[]>();
    if (subscriptionIds.length === 0) return secrets;
    const { rows } = await this.pool.query<{ subscription_id: string; secret: string }>(SELECT_VALID_SECRETS, [[...new Set(subscriptionIds)], at]);
    for (const row of rows) {
      const secret = this.cipher.open(row.subscription_id, row.secret);
      const list = secrets.get(row.subscription_id);
      if (list) list.push(secret);
      else secrets.set(row.subscription_id, [secret]);
    }
    return secrets;
  }
}
