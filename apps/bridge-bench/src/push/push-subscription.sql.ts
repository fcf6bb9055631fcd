/** One subscription to every event type, with its secret, as the subscriptions API would record it. */
export const INSERT_PUSH_SUBSCRIPTION = `
WITH subscription AS (
  INSERT INTO webhook_subscription (id, url, event_types)
  VALUES (gen_random_uuid(), $1, ARRAY['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'])
  RETURNING id
)
INSERT INTO webhook_subscription_secret (subscription_id, secret) SELECT id, $2 FROM subscription`;
