/**
 * One statement, so one transaction for a whole Kafka batch: remember each event id, and
 * register vouchers only for ids never seen before — a redelivered event changes nothing.
 */
export const REGISTER_PURCHASED_VOUCHERS = `
WITH events AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[],
    $6::timestamptz[], $7::timestamptz[])
  WITH ORDINALITY AS t(event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency,
    issued_at, expires_at, n)
), fresh AS (
  INSERT INTO registry_processed_event (event_id)
  SELECT event_id FROM events ORDER BY n
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
)
INSERT INTO registry_voucher (voucher_code_hash, voucher_code_masked, status, balance_minor,
  currency, issued_at, expires_at, last_event_id, updated_at)
SELECT voucher_code_hash, voucher_code_masked, 'active', amount_minor, currency, issued_at,
  expires_at, event_id, now()
FROM events JOIN fresh USING (event_id) ORDER BY n
ON CONFLICT (voucher_code_hash) DO NOTHING`;
