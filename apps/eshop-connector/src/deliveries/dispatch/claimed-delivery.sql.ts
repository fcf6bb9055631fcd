/**
 * What a sender needs of a delivery it holds the lease of, for a `webhook_delivery` row named
 * `d`: the columns ClaimedDeliveryRow reads, the subscription's URL and its unexpired signing
 * secrets, current first. Shared by the claim and by the registry's hand-off (ENQUEUE_DELIVERIES).
 */
export const CLAIMED_DELIVERY_COLUMNS = `
  d.subscription_id, d.event_id::text AS event_id, d.voucher_code_masked, d.sequence, d.attempts,
  d.payload, d.created_at,
  (SELECT url FROM webhook_subscription s WHERE s.id = d.subscription_id) AS url,
  ARRAY(SELECT k.secret FROM webhook_subscription_secret k
    WHERE k.subscription_id = d.subscription_id AND (k.expires_at IS NULL OR k.expires_at > now())
    ORDER BY k.expires_at IS NOT NULL, k.created_at DESC, k.id DESC) AS secrets`;
