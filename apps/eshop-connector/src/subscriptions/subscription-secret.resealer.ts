import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL, PeriodicTask } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { SecretCipher } from '@voucher-bridge/secret-cipher';
import { SubscriptionSecretCipher, isClear } from './subscription-secret.cipher';
import { SEAL_SECRETS, SELECT_SECRETS_TO_SEAL } from './subscriptions.sql';

const ROWS_PER_ROUND = 500;
/** Again later: an older connector may still write clear secrets during a rolling update. */
const EVERY_MS = 10 * 60_000;

export interface SealingRound {
  sealed: number;
  /** Of those sealed, how many were clear. */
  wereClear: number;
  /** Rows that could not be opened, by the key id they name (`clear` never fails). */
  unopenable: Map<string, number>;
}

/**
 * Seals every stored signing secret under the current key: the clear `whsec_…` rows written
 * before encryption, and rows sealed under a retired key (after a key rotation). This, not a SQL
 * migration, turns the clear rows into sealed ones: a migration has no key (and must not get one
 * — it would sit in SQL text and the database's logs), the connector does. Runs at start-up and
 * every ten minutes in the background; until a row is sealed it is read as it is.
 */
@Injectable()
export class SubscriptionSecretResealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionSecretResealer.name);
  private readonly task = new PeriodicTask(async () => this.report(await this.sealAll()), {
    intervalMs: EVERY_MS,
    runAtStart: true,
    onError: (error) => this.logger.warn(`sealing signing secrets failed, trying again later: ${error.message}`),
  });

  constructor(@Inject(PG_POOL) private readonly pool: SqlPool, private readonly cipher: SubscriptionSecretCipher) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async sealAll(): Promise<SealingRound> {
    const round: SealingRound = { sealed: 0, wereClear: 0, unopenable: new Map() };
    for (let after = '0'; ;) {
      const { rows } = await this.pool.query<{ id: string; subscription_id: string; secret: string }>(
        SELECT_SECRETS_TO_SEAL, [`sc1:${this.cipher.currentKeyId}:%`, after, ROWS_PER_ROUND]);
      const sealed: { id: string; stored: string; sealed: string }[] = [];
      for (const row of rows) {
        try {
          sealed.push({ id: row.id, stored: row.secret, sealed: this.cipher.seal(row.subscription_id, this.cipher.open(row.subscription_id, row.secret)) });
          if (isClear(row.secret)) round.wereClear += 1;
        } catch {
          const keyId = SecretCipher.keyIdOf(row.secret) ?? 'unknown format';
          round.unopenable.set(keyId, (round.unopenable.get(keyId) ?? 0) + 1);
        }
      }
      if (sealed.length > 0) {
        const { rowCount } = await this.pool.query(SEAL_SECRETS, [sealed.map((s) => s.id), sealed.map((s) => s.stored), sealed.map((s) => s.sealed)]);
        round.sealed += rowCount ?? 0;
      }
      if (rows.length < ROWS_PER_ROUND) return round;
      after = rows[rows.length - 1].id;
    }
  }

  private report({ sealed, wereClear, unopenable }: SealingRound): void {
    if (sealed > 0) this.logger.log(`${sealed} webhook signing secrets sealed under key ${this.cipher.currentKeyId} (${wereClear} of them were stored in clear)`);
    if (unopenable.size > 0) {
      const keys = [...unopenable].map(([keyId, count]) => `${count} under ${keyId}`).join(', ');
      this.logger.warn(`webhook signing secrets this connector cannot open (${keys}): add the key to WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS, `
        + 'or their subscriptions\' deliveries park as unsignable');
    }
  }
}
