/**
 * One voucher end to end, by the hash of its code: accepted at a cashbox (gateway tables) →
 * outbox → Kafka partition/offset (the relay's publication record) → registry history (sequence,
 * balance) or a dead letter. Read-only SQL on the database both apps share; every table but the
 * (small) dead letters is reached through an index on the hash or the event id.
 */
export const TRACE_EVENTS = `
WITH accepted AS (
  SELECT event_id, 'voucher.purchased'::text AS event_type, store_id, cashbox_id, receipt_number, accepted_at
  FROM gateway_purchase WHERE voucher_code_hash = $1
  UNION ALL
  SELECT event_id, event_type, store_id, cashbox_id, receipt_number, accepted_at
  FROM gateway_voucher_event WHERE voucher_code_hash = $1
), registered AS (
  SELECT id, event_id, event_type, store_id, cashbox_id, outcome, sequence, balance_after_minor, currency, rule, recorded_at
  FROM registry_voucher_history WHERE voucher_code_hash = $1
), events AS (
  SELECT coalesce(a.event_id, r.event_id) AS event_id, coalesce(a.event_type, r.event_type) AS event_type,
         coalesce(a.store_id, r.store_id) AS store_id, coalesce(a.cashbox_id, r.cashbox_id) AS cashbox_id,
         a.receipt_number, a.accepted_at, r.id AS history_id, r.outcome, r.sequence, r.balance_after_minor, r.currency, r.rule, r.recorded_at
  FROM accepted a FULL JOIN registered r ON r.event_id = a.event_id
), dead AS (
  SELECT DISTINCT ON (event_id) event_id, 'rec_' || id AS id, reason_class || ': ' || reason AS reason, status
  FROM registry_dead_letter WHERE voucher_code_hash = $1 AND event_id IS NOT NULL ORDER BY event_id, id DESC
)
SELECT e.event_id, e.event_type, e.store_id, e.cashbox_id, e.receipt_number, e.accepted_at,
       (o.event_id IS NOT NULL AND o.sent_at IS NULL) AS outbox_pending,
       p.topic, p.kafka_partition, p.kafka_offset::text AS kafka_offset, p.published_at,
       e.outcome, e.sequence, e.balance_after_minor::text AS balance_after_minor, e.currency, e.rule, e.recorded_at,
       d.id AS dead_letter_id, d.reason, d.status AS dead_letter_status
FROM events e
LEFT JOIN gateway_outbox o ON o.event_id = e.event_id
LEFT JOIN gateway_event_publication p ON p.event_id = e.event_id
LEFT JOIN dead d ON d.event_id = e.event_id
ORDER BY coalesce(e.accepted_at, e.recorded_at), e.history_id NULLS LAST`;

/** The voucher as the registry holds it now. */
export const TRACE_VOUCHER = `
SELECT voucher_code_masked, status, balance_minor::text AS balance_minor, currency
FROM registry_voucher WHERE voucher_code_hash = $1`;

/** Pushes of the voucher's events, per subscription (through the (subscription, hash, sequence) index). */
export const TRACE_DELIVERIES = `
SELECT d.event_id, d.subscription_id, s.url, d.status, d.attempts, d.last_status, d.last_error, d.last_attempt_at, d.delivered_at
FROM webhook_subscription s
JOIN webhook_delivery d ON d.subscription_id = s.id AND d.voucher_code_hash = $1
ORDER BY d.sequence, s.created_at`;
