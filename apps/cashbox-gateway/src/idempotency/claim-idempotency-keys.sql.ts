/**
 * The `keyed` step of the accepting statements: claims the Idempotency-Key of each `input` row
 * that has one (the unique index lets only the first request with a key through; concurrent ones
 * wait for it, then get nothing back). The statement then writes only rows without a key or
 * whose claim came back.
 */
export const CLAIM_IDEMPOTENCY_KEYS = `keyed AS (
  INSERT INTO gateway_idempotency_key (api_key_id, idempotency_key, request_hash, event_id)
  SELECT api_key_id, idempotency_key, request_hash, event_id
  FROM input WHERE idempotency_key IS NOT NULL ORDER BY n
  ON CONFLICT DO NOTHING
  RETURNING event_id
)`;
