/**
 * Claims due deliveries by moving their next attempt forward by the lease: another connector
 * (or this one after a crash) takes them again only once the lease has run out, so none is
 * lost and none is sent twice at once. Only the head of each (subscription, voucher) queue is
 * due — no pending delivery of the same voucher with a lower sequence — so one voucher's events
 * reach the shop strictly in order while different vouchers go in parallel. A head in flight
 * stays pending under its lease and so holds back its successors. The secrets are the
 * unexpired ones, current (no expiry) first, then the newest.
 */
export const CLAIM_DUE_DELIVERIES = `
WITH due AS (
  SELECT d.subscription_id, d.event_id
  FROM webhook_delivery d
  JOIN webhook_subscription s ON s.id = d.subscription_id
  WHERE d.status = 'pending' AND d.next_attempt_at <= now()
    AND s.status = 'active' AND s.deleted_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM webhook_delivery earlier
      WHERE earlier.subscription_id = d.subscription_id AND earlier.voucher_code_hash = d.voucher_code_hash
        AND earlier.sequence < d.sequence AND earlier.status = 'pending')
  ORDER BY d.next_attempt_at
  LIMIT $1
  FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_delivery d
SET next_attempt_at = now() + $2::bigint * interval '1 millisecond', attempts = d.attempts + 1,
  last_attempt_at = now()
FROM due
WHERE d.subscription_id = due.subscription_id AND d.event_id = due.event_id
RETURNING d.subscription_id, d.event_id::text AS event_id, d.voucher_code_masked, d.sequence, d.attempts,
  d.payload, d.created_at,
  (SELECT url FROM webhook_subscription s WHERE s.id = d.subscription_id) AS url,
  ARRAY(SELECT k.secret FROM webhook_subscription_secret k
    WHERE k.subscription_id = d.subscription_id AND (k.expires_at IS NULL OR k.expires_at > now())
    ORDER BY k.expires_at IS NOT NULL, k.created_at DESC, k.id DESC) AS secrets`;

/**
 * Every outcome of a round of attempts in one statement. Only pending rows change: a delivery
 * whose lease ran out and that another connector already finished keeps that outcome. The body
 * is dropped once delivered (it holds the full voucher code); parked ones keep it for a replay.
 */
export const RECORD_OUTCOMES = `
UPDATE webhook_delivery d
SET status = o.status,
  next_attempt_at = CASE WHEN o.delay_ms IS NULL THEN d.next_attempt_at
    ELSE now() + o.delay_ms * interval '1 millisecond' END,
  last_status = o.last_status,
  last_error = o.last_error,
  delivered_at = CASE WHEN o.status = 'delivered' THEN now() ELSE d.delivered_at END,
  payload = CASE WHEN o.status = 'delivered' THEN NULL ELSE d.payload END
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::int[], $6::text[])
  AS o(subscription_id, event_id, status, delay_ms, last_status, last_error)
WHERE d.subscription_id = o.subscription_id AND d.event_id = o.event_id AND d.status = 'pending'`;

/**
 * The shop answered 410 Gone: the subscription is disabled and what it still had pending is
 * parked with the same reason (an operator can replay it once the shop is back).
 */
export const DISABLE_SUBSCRIPTIONS = `
WITH disabled AS (
  UPDATE webhook_subscription SET status = 'disabled', disabled_reason = $2, disabled_at = now()
  WHERE id = ANY($1::uuid[]) AND status = 'active'
  RETURNING id
)
UPDATE webhook_delivery d SET status = 'parked', last_error = $2
FROM disabled WHERE d.subscription_id = disabled.id AND d.status = 'pending'`;

export const COUNT_PENDING = `SELECT count(*)::int AS pending FROM webhook_delivery WHERE status = 'pending'`;
