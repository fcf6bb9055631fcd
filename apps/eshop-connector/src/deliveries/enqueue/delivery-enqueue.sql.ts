import { preparedStatement } from '@voucher-bridge/database';
import { CLAIMED_DELIVERY_COLUMNS } from '../dispatch/claimed-delivery.sql';

/**
 * One row per applied event and subscription that is active, not deleted and lists the event's
 * type. Runs inside the registry's transaction. The body's envelope is assembled here, once
 * per row written (`json_build_object` keeps the key order: type, id, timestamp, data).
 * ON CONFLICT: a batch retried after a failed commit never doubles a delivery.
 *
 * The hand-off: up to $8 rows that are the head of their voucher's queue (nothing of the voucher
 * unfinished before them in the table, and first of their voucher in this batch: $10, worked out
 * by the caller, which has the batch in order) are written already claimed —
 * leased for $9 ms, first attempt counted — and returned with what it takes to send them, so the
 * dispatcher sends them the moment this transaction commits, without a claim of its own. A
 * leased head's successors in this batch wait out the same lease (they never sort before their
 * head; RECORD_OUTCOMES releases them once it is done). If the connector dies before sending,
 * the lease runs out and the claim takes the rows as it would any other.
 */
export const ENQUEUE_DELIVERIES = preparedStatement('enqueue-deliveries', `
WITH planned AS (
  SELECT s.id AS subscription_id, e.*,
    -- Not before the voucher's unfinished earlier delivery (a head waiting for a retry): see
    -- CLAIM_DUE_DELIVERIES. The finished statuses are named so the voucher index answers it.
    -- A voucher's first event (sequence 1: a purchase) has no earlier delivery to wait for, so
    -- it is not looked for: in a drain of purchases that probe was a third of this statement.
    CASE WHEN e.sequence > 1 THEN (SELECT max(earlier.next_attempt_at) FROM webhook_delivery earlier
      WHERE earlier.subscription_id = s.id AND earlier.voucher_code_hash = e.hash
        AND earlier.status NOT IN ('delivered', 'parked', 'discarded')) END AS waits_for
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $10::boolean[])
    AS e(event_id, event_type, hash, masked, sequence, occurred_at, data, first_in_batch)
  JOIN webhook_subscription s
    ON s.status = 'active' AND s.deleted_at IS NULL AND e.event_type = ANY(s.event_types)
), handed_off AS (
  SELECT subscription_id, hash FROM planned WHERE first_in_batch AND waits_for IS NULL LIMIT $8
), inserted AS (
  INSERT INTO webhook_delivery AS d (subscription_id, event_id, event_type, voucher_code_hash, voucher_code_masked,
    sequence, payload, next_attempt_at, attempts, last_attempt_at)
  SELECT p.subscription_id, p.event_id, p.event_type, p.hash, p.masked, p.sequence,
    json_build_object('type', p.event_type, 'id', p.event_id, 'timestamp', p.occurred_at, 'data', p.data::json)::text,
    CASE WHEN h.hash IS NULL THEN greatest(now(), p.waits_for) ELSE now() + $9::bigint * interval '1 millisecond' END,
    CASE WHEN h.hash IS NOT NULL AND p.first_in_batch THEN 1 ELSE 0 END,
    CASE WHEN h.hash IS NOT NULL AND p.first_in_batch THEN now() END
  FROM planned p LEFT JOIN handed_off h ON h.subscription_id = p.subscription_id AND h.hash = p.hash
  ON CONFLICT DO NOTHING
  -- The body only where it is sent now: a drain writes thousands of rows and hands over a few.
  RETURNING d.subscription_id, d.event_id, d.voucher_code_masked, d.sequence, d.attempts, d.created_at,
    CASE WHEN d.attempts > 0 THEN d.payload END AS payload
)
-- One row per handed-off delivery, each with the count of all rows written (one row of nulls
-- but the count when none was handed off).
SELECT recorded.n AS recorded, handed.*
FROM (SELECT count(*)::int AS n FROM inserted) recorded
LEFT JOIN LATERAL (SELECT ${CLAIMED_DELIVERY_COLUMNS} FROM inserted d WHERE d.attempts > 0) handed ON true`);

/**
 * The event types some live subscription wants, asked once per batch (as part of the registry's
 * load, LOAD_BATCH_CONTEXT) before anything is built: with no subscriber (or none for these
 * types) a batch costs this one look at a tiny table, not a body per event.
 */
export const SUBSCRIBED_EVENT_TYPES = `
SELECT DISTINCT unnest(event_types) AS event_type
FROM webhook_subscription WHERE status = 'active' AND deleted_at IS NULL`;
