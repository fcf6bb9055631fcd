/**
 * One row per applied event and subscription that is active, not deleted and lists the event's
 * type. Runs inside the registry's transaction. The body's envelope is assembled here, once
 * per row written (`json_build_object` keeps the key order: type, id, timestamp, data).
 * ON CONFLICT: a batch retried after a failed commit never doubles a delivery.
 */
export const ENQUEUE_DELIVERIES = `
INSERT INTO webhook_delivery (subscription_id, event_id, event_type, voucher_code_hash, voucher_code_masked,
  sequence, payload, next_attempt_at)
SELECT s.id, e.event_id, e.event_type, e.hash, e.masked, e.sequence,
  json_build_object('type', e.event_type, 'id', e.event_id, 'timestamp', e.occurred_at, 'data', e.data::json)::text,
  -- Not before the voucher's unfinished earlier delivery (a head waiting for a retry): see
  -- CLAIM_DUE_DELIVERIES. The finished statuses are named so the voucher index answers it.
  greatest(now(), (
    SELECT max(earlier.next_attempt_at) FROM webhook_delivery earlier
    WHERE earlier.subscription_id = s.id AND earlier.voucher_code_hash = e.hash
      AND earlier.status NOT IN ('delivered', 'parked', 'discarded')))
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
  AS e(event_id, event_type, hash, masked, sequence, occurred_at, data)
JOIN webhook_subscription s
  ON s.status = 'active' AND s.deleted_at IS NULL AND e.event_type = ANY(s.event_types)
ON CONFLICT DO NOTHING`;

/**
 * The event types some live subscription wants, asked once per batch (as part of the registry's
 * load, LOAD_BATCH_CONTEXT) before anything is built: with no subscriber (or none for these
 * types) a batch costs this one look at a tiny table, not a body per event.
 */
export const SUBSCRIBED_EVENT_TYPES = `
SELECT DISTINCT unnest(event_types) AS event_type
FROM webhook_subscription WHERE status = 'active' AND deleted_at IS NULL`;
