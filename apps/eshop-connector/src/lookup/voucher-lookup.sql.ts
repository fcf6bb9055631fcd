import { preparedStatement } from '@voucher-bridge/database';

/**
 * A registered voucher and its history, by the hash of its code, in one statement: one snapshot
 * (the state and the history always agree, even while a batch registers the voucher's next
 * event) and one round trip. One row per history entry, the voucher's columns on each; none
 * when the voucher is not registered. Both tables are reached through their primary keys.
 */
export const SELECT_REGISTERED_VOUCHER = preparedStatement('select-registered-voucher', `
SELECT v.voucher_code_masked, v.status, v.balance_minor::text AS balance_minor, v.currency, v.issued_at, v.expires_at,
  h.event_id, h.event_type, h.store_id, h.cashbox_id, h.occurred_at, h.sequence,
  h.amount_minor::text AS amount_minor, h.currency AS amount_currency,
  h.balance_after_minor::text AS balance_after_minor, h.outcome, h.rule
FROM registry_voucher v
LEFT JOIN registry_voucher_history h ON h.voucher_code_hash = v.voucher_code_hash
WHERE v.voucher_code_hash = $1
ORDER BY h.id`);
