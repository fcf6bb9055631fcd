import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import { ReceivedPush } from './webhook-receiver';

/** What the connector settings the webhook specs share: retries fast enough for a test. */
export const FAST_WEBHOOK_ENV = {
  // At once, then a fast phase; long enough in all (~25 s) to ride out a restart of either side.
  WEBHOOK_RETRY_SCHEDULE: ['0s', '200ms', '400ms', '800ms', ...Array.from({ length: 24 }, () => '1s')].join(','),
  WEBHOOK_POLL_INTERVAL_MS: '100',
  WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
  WEBHOOK_RESPONSE_TIMEOUT_MS: '1000',
};

export interface DeliveryRow {
  event_id: string;
  sequence: number;
  status: string;
  attempts: number;
  payload: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export async function deliveriesOf(db: Pool, subscriptionId: string): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT event_id::text AS event_id, sequence, status, attempts, payload, last_status, last_error, delivered_at
     FROM webhook_delivery WHERE subscription_id = $1 ORDER BY voucher_code_hash, sequence`, [subscriptionId]);
  return rows;
}

/** Verifies a push as the shop would, with the standardwebhooks package; throws if it does not verify. */
export function verifyPush(secret: string, push: ReceivedPush): unknown {
  return new Webhook(secret).verify(push.body, push.headers);
}
