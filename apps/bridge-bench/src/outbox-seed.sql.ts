import { newEventId } from '@voucher-bridge/voucher-contract';

/**
 * $1 rows of valid `voucher.purchased` events straight into purchase + outbox, as if accepted
 * while the relay was down: the relay and the connector then have a backlog to work through.
 * Their ids ($4) are made the way the gateway makes them (seedEventIds).
 */
export const SEED_OUTBOX = `
WITH seeded AS (
  SELECT ($4::uuid[])[n] AS event_id, 'SEED-' || $2 || '-' || lpad(n::text, 9, '0') AS code, n
  FROM generate_series(1, $1::int) AS n
), purchases AS (
  INSERT INTO gateway_purchase (event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency,
    store_id, cashbox_id, receipt_number, purchased_at)
  SELECT event_id, encode(sha256(convert_to(code, 'UTF8')), 'hex'), '****' || right(code, 4), 2500, 'EUR',
    'store-1', 'box-1', 'R-' || code, '2026-11-21T10:00:00Z'
  FROM seeded
)
INSERT INTO gateway_outbox (event_id, topic, message_key, headers, payload)
SELECT event_id, $3, code, jsonb_build_object(
  'ce_specversion', '1.0', 'ce_id', event_id, 'ce_type', 'voucher.purchased',
  'ce_source', '/stores/store-1/cashboxes/box-1', 'ce_time', '2026-11-21T10:00:00Z',
  'content-type', 'application/json'), jsonb_build_object(
  'eventId', event_id, 'eventType', 'voucher.purchased', 'schemaVersion', 1,
  'occurredAt', '2026-11-21T10:00:00Z',
  'source', jsonb_build_object('storeId', 'store-1', 'cashboxId', 'box-1'),
  'voucherCode', code,
  'payload', jsonb_build_object('amount', jsonb_build_object('value', 2500, 'currency', 'EUR'),
    'receiptNumber', 'R-' || code, 'purchasedAt', '2026-11-21T10:00:00Z'))::text
FROM seeded ORDER BY n`;

/** The code of the n-th seeded voucher (n from 1), as SEED_OUTBOX writes it for prefix $2. */
export const seedVoucherCode = (prefix: string, n: number) => `SEED-${prefix}-${String(n).padStart(9, '0')}`;

/** Event ids for SEED_OUTBOX's $4, made as the gateway makes them (time-ordered, newEventId). */
export const seedEventIds = (rows: number): string[] => Array.from({ length: rows }, () => newEventId());
