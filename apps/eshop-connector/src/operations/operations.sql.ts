/** Parked dead letters per kind and the oldest one's time (both kinds have an index on status). */
export const PARKED_SUMMARY = `
SELECT 'record' AS kind, count(*)::int AS parked, min(parked_at) AS oldest
FROM registry_dead_letter WHERE status = 'parked'
UNION ALL
SELECT 'delivery', count(*)::int, min(coalesce(last_attempt_at, created_at))
FROM webhook_delivery WHERE status = 'parked'`;

/**
 * Subscriptions with a delivery still due whose last attempt failed (it is pending again). A
 * deleted subscription's pending rows are never sent again (the dispatcher skips them): they do
 * not make it failing.
 */
export const FAILING_SUBSCRIPTIONS = `
SELECT count(DISTINCT d.subscription_id)::int AS failing
FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id AND s.deleted_at IS NULL
WHERE d.status = 'pending' AND d.last_attempt_at IS NOT NULL`;
