/**
 * Dead letters of both kinds as one list: the consumer's (registry_dead_letter) and the parked or
 * discarded pushes (webhook_delivery; a replayed delivery is pending again, no dead letter). A
 * delivery's reason is why it was set aside (its subscription disabled or deleted), else why its
 * last attempt failed: the shop's HTTP status, or without one `no-response`, `address-refused`,
 * `cannot-sign` (rows from before last_reason existed: `no-response`).
 */
const DEAD_LETTERS = `
SELECT 'rec_' || id AS id, 'record' AS kind, reason_class, reason, detail, status, attempts, parked_at,
  resolved_at, resolution, voucher_code_masked, event_id::text AS event_id, event_type, source_topic,
  source_partition, source_offset::text AS source_offset, NULL::text AS subscription_id, NULL::int AS last_status
FROM registry_dead_letter
WHERE $1::text IS NULL OR $1 = 'record'
UNION ALL
SELECT 'dlv_' || subscription_id || '_' || event_id, 'delivery', 'delivery-failed',
  coalesce(last_reason, 'http-' || last_status, 'no-response'), coalesce(last_error, ''),
  status, attempts, coalesce(last_attempt_at, created_at), NULL, NULL, voucher_code_masked, event_id::text,
  event_type, NULL, NULL, NULL, subscription_id::text, last_status
FROM webhook_delivery
WHERE ($1::text IS NULL OR $1 = 'delivery') AND status IN ('parked', 'discarded')`;

/**
 * One page, oldest first: $1 kind, $2 reason, $3 status, $4 parked before, $5/$6 the cursor (the
 * last item's parked_at and id), $7 the page size.
 */
export const LIST_DEAD_LETTERS = `
SELECT * FROM (${DEAD_LETTERS}) d
WHERE ($2::text IS NULL OR d.reason = $2) AND ($3::text IS NULL OR d.status = $3)
  AND ($4::timestamptz IS NULL OR d.parked_at < $4)
  AND ($5::timestamptz IS NULL OR (d.parked_at, d.id) > ($5, $6::text))
ORDER BY d.parked_at, d.id
LIMIT $7`;

export const FIND_RECORD_DEAD_LETTER = `
SELECT * FROM (${DEAD_LETTERS}) d WHERE d.id = 'rec_' || $2::bigint`;

export const FIND_DELIVERY_DEAD_LETTER = `
SELECT * FROM (${DEAD_LETTERS}) d WHERE d.id = 'dlv_' || $2::uuid || '_' || $3::uuid`;

/** A parked record, locked for the replay's transaction. */
export const LOCK_PARKED_RECORD = `
SELECT reason_class, source_topic, source_partition, source_offset::text AS source_offset
FROM registry_dead_letter WHERE id = $1 AND status = 'parked' FOR UPDATE`;

/**
 * A refusal is remembered as a processed event (so redelivery changes nothing): a replay of it
 * forgets that, inside its transaction, so the event meets the state machine again — and is
 * remembered again, applied or refused, when the transaction commits.
 */
export const FORGET_REFUSED_EVENT = `DELETE FROM registry_processed_event WHERE event_id = $1`;

export const MARK_RECORD_REPLAYED = `
UPDATE registry_dead_letter SET status = 'replayed', resolved_at = $2 WHERE id = $1`;

/** A replay that threw (a bug, not a refusal): still parked, the attempt counted. */
export const COUNT_FAILED_REPLAY = `
UPDATE registry_dead_letter SET attempts = attempts + 1, reason_class = 'processing-error', reason = $2, detail = $3
WHERE id = $1 AND status = 'parked' RETURNING attempts`;

export const DISCARD_RECORD = `
UPDATE registry_dead_letter SET status = 'discarded', resolved_at = now(), resolution = $2
WHERE id = $1 AND status = 'parked' RETURNING id`;

/** Back to the delivery engine: due at once, with a fresh retry schedule. */
export const REQUEUE_DELIVERY = `
UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now(), attempts = 0
WHERE subscription_id = $1 AND event_id = $2 AND status = 'parked' RETURNING event_id`;

/** The payload holds the plain voucher code: a discarded delivery keeps no copy of it. */
export const DISCARD_DELIVERY = `
UPDATE webhook_delivery SET status = 'discarded', payload = NULL
WHERE subscription_id = $1 AND event_id = $2 AND status = 'parked' RETURNING event_id`;

export const SUBSCRIPTION_STATUS = `
SELECT d.status AS delivery_status, s.status, s.deleted_at
FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
WHERE d.subscription_id = $1 AND d.event_id = $2`;
