import { preparedStatement } from '@voucher-bridge/database';
import { CLAIM_IDEMPOTENCY_KEYS } from '../idempotency/claim-idempotency-keys.sql';

/**
 * One statement, so one transaction: claim the Idempotency-Key of each request that has one,
 * insert the purchases whose key was new (or that have none) and whose voucher code is new, and
 * an outbox row for exactly those. Arrays keep it one round trip for a whole group commit.
 * Concurrent requests with one key or one code meet at the unique indexes: one wins, the others
 * are told apart afterwards (see the repository).
 */
export const INSERT_PURCHASES_WITH_OUTBOX = preparedStatement('insert-purchases-with-outbox', `
WITH input AS (
  SELECT * FROM unnest(
    $1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[], $13::text[],
    $14::uuid[], $15::text[], $16::text[], $17::jsonb[]
  ) WITH ORDINALITY AS t(event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency,
    store_id, cashbox_id, receipt_number, purchased_at, expires_at, topic, message_key, payload,
    api_key_id, idempotency_key, request_hash, headers, n)
), ${CLAIM_IDEMPOTENCY_KEYS}, purchases AS (
  INSERT INTO gateway_purchase (event_id, voucher_code_hash, voucher_code_masked, amount_minor,
    currency, store_id, cashbox_id, receipt_number, purchased_at, expires_at)
  SELECT event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency, store_id,
    cashbox_id, receipt_number, purchased_at, expires_at
  FROM input WHERE idempotency_key IS NULL OR event_id IN (SELECT event_id FROM keyed) ORDER BY n
  ON CONFLICT (voucher_code_hash) DO NOTHING
  RETURNING event_id
), outbox AS (
  INSERT INTO gateway_outbox (event_id, topic, message_key, payload, headers)
  SELECT input.event_id, input.topic, input.message_key, input.payload, input.headers
  FROM input JOIN purchases USING (event_id) ORDER BY input.n
  RETURNING event_id
)
SELECT event_id FROM outbox`);

/** What was accepted earlier for voucher codes that were not new. */
export const SELECT_EXISTING_PURCHASES = `
SELECT event_id, voucher_code_hash, store_id, cashbox_id, receipt_number, amount_minor::text, currency
FROM gateway_purchase WHERE voucher_code_hash = ANY($1::text[])`;

