/**
 * The console reads the gateway's side (outbox, accepted events) straight from the database both
 * apps share: one read-only query answers for every gateway replica at once, and works while a
 * gateway is down, which is exactly when an operator looks. Only health comes over HTTP.
 */

/** Unsent outbox rows (the relay's partial index on id WHERE sent_at IS NULL) and the oldest one's age. */
export const OUTBOX_BACKLOG = `
SELECT count(*)::int AS backlog,
       (SELECT created_at FROM gateway_outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1) AS oldest
FROM gateway_outbox WHERE sent_at IS NULL`;

/** Events of the last minute: accepted (one outbox row each), registered, refused, parked. */
export const EVENTS_LAST_MINUTE = `
SELECT
  (SELECT count(*)::int FROM gateway_outbox WHERE created_at > now() - interval '1 minute') AS accepted,
  (SELECT count(*)::int FROM registry_voucher_history WHERE recorded_at > now() - interval '1 minute' AND outcome = 'applied') AS registered,
  (SELECT count(*)::int FROM registry_voucher_history WHERE recorded_at > now() - interval '1 minute' AND outcome = 'refused') AS refused,
  (SELECT count(*)::int FROM registry_dead_letter
     WHERE status IN ('parked', 'replayed', 'discarded') AND parked_at > now() - interval '1 minute')
  + (SELECT count(*)::int FROM webhook_delivery WHERE status = 'parked' AND last_attempt_at > now() - interval '1 minute') AS parked`;

/** Subscriptions whose pushes fail: due again after a failed attempt, or parked (deleted ones are gone for good). */
export const FAILING_SUBSCRIPTIONS_LIST = `
SELECT s.id, s.url, s.status,
       count(*) FILTER (WHERE d.status = 'pending')::int AS retrying,
       count(*) FILTER (WHERE d.status = 'parked')::int AS parked,
       max(d.last_attempt_at) AS last_attempt_at,
       (array_agg(d.last_status ORDER BY d.last_attempt_at DESC))[1] AS last_status,
       (array_agg(d.last_error ORDER BY d.last_attempt_at DESC))[1] AS last_error
FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id AND s.deleted_at IS NULL
WHERE d.status IN ('pending', 'parked') AND d.last_attempt_at IS NOT NULL
GROUP BY s.id, s.url, s.status
ORDER BY max(d.last_attempt_at) DESC
LIMIT 20`;

/** The newest problems: records parked by the consumer and failed pushes, newest first. */
export const LAST_ERRORS = `
(SELECT 'record' AS kind, 'rec_' || id AS id, parked_at AS at, reason_class || ': ' || reason AS reason, detail
   FROM registry_dead_letter WHERE status = 'parked' ORDER BY parked_at DESC LIMIT 10)
UNION ALL
(SELECT 'delivery', 'dlv_' || d.subscription_id || '_' || d.event_id, d.last_attempt_at,
        'delivery ' || d.status || coalesce(' (HTTP ' || d.last_status || ')', ''), coalesce(d.last_error, '')
   FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
   -- A deleted subscription's pending rows are never retried: no longer an error to look at.
   WHERE (d.status = 'parked' OR (d.status = 'pending' AND s.deleted_at IS NULL)) AND d.last_attempt_at IS NOT NULL
   ORDER BY d.last_attempt_at DESC LIMIT 10)
ORDER BY at DESC LIMIT 10`;
