/**
 * Deletes up to $2 outbox rows sent more than $1 seconds ago; returns how many went.
 *
 * The rows still hold the plain voucher code (message key and payload), so they must not
 * outlive their use. Rows are found through the primary key, not a sent_at index (which would
 * cost every relay update an index write): ids grow with created_at, and a row sent before the
 * cutoff was created before it, so the scan stops at the first row created after the cutoff.
 * SKIP LOCKED lets several gateway instances clean up side by side.
 */
export const DELETE_EXPIRED_OUTBOX_ROWS = `
WITH cutoff AS (
  SELECT now() - make_interval(secs => $1) AS at
), horizon AS (
  SELECT coalesce(
    (SELECT id FROM gateway_outbox WHERE created_at >= (SELECT at FROM cutoff) ORDER BY id LIMIT 1),
    9223372036854775807) AS id
), doomed AS (
  SELECT id FROM gateway_outbox
  WHERE id < (SELECT id FROM horizon) AND sent_at < (SELECT at FROM cutoff)
  ORDER BY id LIMIT $2
  FOR UPDATE SKIP LOCKED
)
DELETE FROM gateway_outbox o USING doomed d WHERE o.id = d.id`;

/** Deletes up to $2 Idempotency-Keys older than $1 seconds: past that, a retry counts as new. */
export const DELETE_EXPIRED_IDEMPOTENCY_KEYS = `
DELETE FROM gateway_idempotency_key k USING (
  SELECT api_key_id, idempotency_key FROM gateway_idempotency_key
  WHERE created_at < now() - make_interval(secs => $1)
  ORDER BY created_at LIMIT $2
  FOR UPDATE SKIP LOCKED
) doomed
WHERE k.api_key_id = doomed.api_key_id AND k.idempotency_key = doomed.idempotency_key`;
