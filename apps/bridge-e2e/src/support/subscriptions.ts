import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';

export interface TestSubscription {
  id: string;
  secret: string;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * A subscription as the subscriptions API records it, written by SQL until that API is merged
 * (then this helper should call it). Subscriptions are global to the database: a spec deletes
 * its own when done, or later specs' events would be queued for its closed receiver.
 */
export async function createSubscription(db: Pool, { url, eventTypes }: { url: string; eventTypes: string[] }): Promise<TestSubscription> {
  const id = randomUUID();
  const secret = newWebhookSecret();
  await db.query('INSERT INTO webhook_subscription (id, url, event_types) VALUES ($1, $2, $3)', [id, url, eventTypes]);
  await db.query('INSERT INTO webhook_subscription_secret (subscription_id, secret) VALUES ($1, $2)', [id, secret]);
  return { id, secret };
}

/** A rotation: a new current secret; the old one stays valid for `overlapMs`. */
export async function rotateSecret(db: Pool, subscriptionId: string, overlapMs: number): Promise<string> {
  const secret = newWebhookSecret();
  await db.query(`UPDATE webhook_subscription_secret SET expires_at = now() + $2::bigint * interval '1 millisecond'
    WHERE subscription_id = $1 AND expires_at IS NULL`, [subscriptionId, overlapMs]);
  await db.query('INSERT INTO webhook_subscription_secret (subscription_id, secret) VALUES ($1, $2)', [subscriptionId, secret]);
  return secret;
}

export async function deleteSubscriptions(db: Pool, ids: string[]): Promise<void> {
  await db.query('UPDATE webhook_subscription SET deleted_at = now() WHERE id = ANY($1::uuid[])', [ids]);
}
