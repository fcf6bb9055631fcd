import { preparedStatement } from '@voucher-bridge/database';
import { CLAIM_IDEMPOTENCY_KEYS } from '../idempotency/claim-idempotency-keys.sql';

/**
 * One statement, so one transaction, like the purchases': claim each request's Idempotency-Key,
 * insert the events whose key was new (or that have none) and whose receipt has not recorded this
 * type for this voucher yet, and an outbox row for exactly those.
 */
export const INSERT_VOUCHER_EVENTS_WITH_OUTBOX = preparedStatement('insert-voucher-events-with-outbox', `
WITH input AS (
  SELECT * FROM unnest(
    $1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::uuid[], $14::text[]
  ) WITH ORDINALITY AS t(event_id, event_type, voucher_code_hash, voucher_code_masked, store_id,
    cashbox_id, receipt_number, request_hash, topic, message_key, payload, headers, api_key_id,
    idempotency_key, n)
), ${CLAIM_IDEMPOTENCY_KEYS}, events AS (
  INSERT INTO gateway_voucher_event (event_id, event_type, voucher_code_hash, voucher_code_masked,
    store_id, cashbox_id, receipt_number, request_hash)
  SELECT event_id, event_type, voucher_code_hash, voucher_code_masked, store_id, cashbox_id,
    receipt_number, request_hash
  FROM input WHERE idempotency_key IS NULL OR event_id IN (SELECT event_id FROM keyed) ORDER BY n
  ON CONFLICT (store_id, cashbox_id, receipt_number, voucher_code_hash, event_type) DO NOTHING
  RETURNING event_id
), outbox AS (
  INSERT INTO gateway_outbox (event_id, topic, message_key, payload, headers)
  SELECT input.event_id, input.topic, input.message_key, input.payload, input.headers
  FROM input JOIN events USING (event_id) ORDER BY input.n
  RETURNING event_id
)
SELECT event_id FROM outbox`);

/** What was accepted earlier on the same receipts. */
export const SELECT_EARLIER_VOUCHER_EVENTS = `
SELECT e.event_id, e.store_id, e.cashbox_id, e.receipt_number, e.voucher_code_hash, e.event_type, e.request_hash
FROM gateway_voucher_event e
JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
  AS t(store_id, cashbox_id, receipt_number, voucher_code_hash, event_type)
  USING (store_id, cashbox_id, receipt_number, voucher_code_hash, event_type)`;
