import { newApiKeySecret } from '@voucher-bridge/api-keys';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { ROOT } from '../chaos-options';
import { command } from '../shell';

export interface ChaosKeys {
  /** Secret by "store/cashbox". */
  cashboxes: Map<string, string>;
  shop: string;
  operator: string;
}

export const CHAOS_STORES = 8;
export const CHAOS_CASHBOXES_PER_STORE = 4;

/** The run's own database: dropped, re-created and migrated, then its keys and the shop's subscription. */
export class ChaosDatabase {
  readonly pool: Pool;

  constructor(readonly url: string) {
    this.pool = new Pool({ connectionString: url, max: 2, application_name: 'bridge-chaos' });
    this.pool.on('error', () => undefined);
  }

  get name(): string {
    return new URL(this.url).pathname.slice(1);
  }

  static async recreate(url: string): Promise<ChaosDatabase> {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name) || !name.includes('chaos')) throw new Error(`refusing database "${name}": the chaos run drops it, its name must contain "chaos"`);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    await command(process.execPath, [join(ROOT, 'prisma/scripts/migrate.mjs')], { DATABASE_URL: url });
    return new ChaosDatabase(url);
  }

  async createKeys(): Promise<ChaosKeys> {
    const cashboxes = new Map<string, string>();
    const rows: { kind: string; hash: string; hint: string; store: string | null; cashbox: string | null }[] = [];
    for (let s = 0; s < CHAOS_STORES; s++) {
      for (let c = 0; c < CHAOS_CASHBOXES_PER_STORE; c++) {
        const { secret, hash, hint } = newApiKeySecret('cashbox');
        cashboxes.set(`store-${s}/box-${c}`, secret);
        rows.push({ kind: 'cashbox', hash, hint, store: `store-${s}`, cashbox: `box-${c}` });
      }
    }
    const shop = newApiKeySecret('shop');
    const operator = newApiKeySecret('operator');
    rows.push({ kind: 'shop', hash: shop.hash, hint: shop.hint, store: null, cashbox: null });
    rows.push({ kind: 'operator', hash: operator.hash, hint: operator.hint, store: null, cashbox: null });
    await this.pool.query(
      `INSERT INTO bridge_api_key (id, kind, key_hash, hint, store_id, cashbox_id, label)
       SELECT id, kind, hash, hint, store, cashbox, 'chaos'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, kind, hash, hint, store, cashbox)`,
      [rows.map(() => randomUUID()), rows.map((r) => r.kind), rows.map((r) => r.hash), rows.map((r) => r.hint), rows.map((r) => r.store), rows.map((r) => r.cashbox)],
    );
    return { cashboxes, shop: shop.secret, operator: operator.secret };
  }

  /**
   * The shop's subscription to every event type, written as the subscriptions API records it: the
   * API refuses plain-http URLs, and the shop of this run listens on 127.0.0.1 without TLS.
   */
  async subscribeShop(url: string): Promise<string> {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await this.pool.query(
      `WITH subscription AS (
         INSERT INTO webhook_subscription (id, url, event_types)
         VALUES (gen_random_uuid(), $1, ARRAY['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'])
         RETURNING id)
       INSERT INTO webhook_subscription_secret (subscription_id, secret) SELECT id, $2 FROM subscription`,
      [url, secret],
    );
    return secret;
  }

  /** Cuts every connection of the apps to this database (pg_terminate_backend); returns how many. */
  async terminateAppConnections(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> 'bridge-chaos') t`,
    );
    return rows[0].n;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
