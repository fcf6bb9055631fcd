/** A subscription and its first secret, in one statement: never one without the other. */
export const INSERT_SUBSCRIPTION = `
WITH subscription AS (
  INSERT INTO webhook_subscription (id, url, event_types, created_by_key_id, created_at)
  VALUES ($1::uuid, $2, $3::text[], $4::uuid, $5)
  RETURNING id, url, event_types, status, disabled_reason, created_at
), secret AS (
  INSERT INTO webhook_subscription_secret (subscription_id, secret, created_at)
  SELECT id, $6, created_at FROM subscription
)
SELECT * FROM subscription`;

const SUBSCRIPTION_COLUMNS = 'id, url, event_types, status, disabled_reason, created_at';

/** Deleted subscriptions are kept (deliveries refer to them) but are gone for the shop. */
export const SELECT_SUBSCRIPTIONS = `
SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription
WHERE deleted_at IS NULL ORDER BY created_at, id`;

export const SELECT_SUBSCRIPTION = `
SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription
WHERE id = $1::uuid AND deleted_at IS NULL`;

/**
 * Soft delete, and in the same statement (so the same transaction) the deliveries still waiting
 * for it are discarded and lose their payload (it carries full voucher codes). The subscription
 * row is locked by the update, so a delivery engine that reads it FOR SHARE before queueing
 * cannot slip a new pending delivery past the delete.
 */
export const DELETE_SUBSCRIPTION = `
WITH deleted AS (
  UPDATE webhook_subscription SET deleted_at = $2
  WHERE id = $1::uuid AND deleted_at IS NULL
  RETURNING id
), discarded AS (
  UPDATE webhook_delivery d SET status = 'discarded', payload = NULL, last_error = 'subscription deleted', last_reason = 'subscription-deleted'
  FROM deleted WHERE d.subscription_id = deleted.id AND d.status = 'pending'
  RETURNING 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT count(*) FROM discarded)::int AS discarded`;

/** Serialises rotations of one subscription (each statement after it sees the other's secret). */
export const LOCK_LIVE_SUBSCRIPTION = `
SELECT id FROM webhook_subscription WHERE id = $1::uuid AND deleted_at IS NULL FOR UPDATE`;

/** Every still-valid secret expires at the end of the overlap at the latest ($2 now, $3 its end). */
export const EXPIRE_VALID_SECRETS = `
UPDATE webhook_subscription_secret
SET expires_at = LEAST(COALESCE(expires_at, 'infinity'::timestamptz), $3)
WHERE subscription_id = $1::uuid AND (expires_at IS NULL OR expires_at > $2)
RETURNING expires_at`;

export const INSERT_SECRET = `
INSERT INTO webhook_subscription_secret (subscription_id, secret, created_at) VALUES ($1::uuid, $2, $3)`;

/** Unexpired secrets, newest (the current one) first per subscription. */
export const SELECT_VALID_SECRETS = `
SELECT subscription_id, secret FROM webhook_subscription_secret
WHERE subscription_id = ANY($1::uuid[]) AND (expires_at IS NULL OR expires_at > $2)
ORDER BY subscription_id, id DESC`;

/**
 * Up to $3 secrets not sealed under the current key ($1 is `sc1:<current key id>:%`): clear rows
 * from before encryption (or from an older connector during a rolling update) and rows under a
 * retired key. `id > $2` pages on past rows this connector cannot open.
 */
export const SELECT_SECRETS_TO_SEAL = `
SELECT id::text AS id, subscription_id, secret FROM webhook_subscription_secret
WHERE secret NOT LIKE $1 AND id > $2::bigint
ORDER BY id LIMIT $3`;

/** Compare-and-set: a row another connector sealed meanwhile is left as it is. */
export const SEAL_SECRETS = `
UPDATE webhook_subscription_secret k SET secret = s.sealed
FROM unnest($1::bigint[], $2::text[], $3::text[]) AS s(id, stored, sealed)
WHERE k.id = s.id AND k.secret = s.stored`;
