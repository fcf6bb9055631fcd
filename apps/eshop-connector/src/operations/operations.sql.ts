/** Parked dead letters per kind and the oldest one's time (both kinds have an index on status). */
export const PARKED_SUMMARY = `
SELECT 'record' AS kind, count(*)::int AS parked, min(parked_at) AS oldest
FROM registry_dead_letter WHERE status = 'parked'
UNION ALL
SELECT 'delivery', count(*)::int, min(coalesce(last_attempt_at, created_at))
FROM webhook_delivery WHERE status = 'parked'`;

/** Subscriptions with a delivery still due whose last attempt failed (it is pending again). */
export const FAILING_SUBSCRIPTIONS = `
SELECT count(DISTINCT subscription_id)::int AS failing
FROM webhook_delivery WHERE status = 'pending' AND last_attempt_at IS NOT NULL`;
