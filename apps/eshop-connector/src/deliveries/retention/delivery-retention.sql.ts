/**
 * Deletes up to $2 finished deliveries (delivered or discarded) registered more than $1 seconds
 * ago; returns how many went. Pending and parked rows stay: they are still owed to the shop or
 * wait for an operator. Finished rows no longer hold the body, but they say which events each
 * endpoint got and when: kept for a while for support questions, not for ever. SKIP LOCKED lets
 * several connectors clean up side by side; webhook_delivery_finished_idx (partial) finds them.
 */
export const DELETE_EXPIRED_DELIVERIES = `
DELETE FROM webhook_delivery d USING (
  SELECT subscription_id, event_id FROM webhook_delivery
  WHERE status IN ('delivered', 'discarded') AND created_at < now() - make_interval(secs => $1)
  ORDER BY created_at LIMIT $2
  FOR UPDATE SKIP LOCKED
) doomed
WHERE d.subscription_id = doomed.subscription_id AND d.event_id = doomed.event_id`;
