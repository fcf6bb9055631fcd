import { preparedStatement } from '@voucher-bridge/database';
import { CLAIMED_DELIVERY_COLUMNS } from './claimed-delivery.sql';

/**
 * Claims due deliveries by moving their next attempt forward by the lease: another connector
 * (or this one after a crash) takes them again only once the lease has run out, so none is
 * lost and none is sent twice at once. Only the head of each (subscription, voucher) queue is
 * taken — no unfinished delivery of the same voucher with a lower sequence — so one voucher's
 * events reach the shop strictly in order while different vouchers go in parallel; a head in
 * flight stays pending under its lease and so holds back its successors.
 *
 * Shaped so that no statistics can make it slow (a queue table's pending share swings from
 * none to all within minutes, ahead of autovacuum): `candidates` reads at most $3 rows in
 * next_attempt_at order from the partial due index, and for each of them its voucher's head is
 * looked up by one probe of the voucher index (the lowest unfinished sequence); a head that is
 * due is taken, whether it is the candidate itself or sorts later. The probe names the finished
 * statuses instead of `= 'pending'` on purpose: that way the planner cannot answer it from the
 * due index, which with stale statistics it would think tiny and scan whole for every candidate.
 * `due` re-checks each row under its lock: one leased by another connector meanwhile is skipped.
 *
 * Why the head and not only the candidate: successors usually sort after their head (see
 * ENQUEUE_DELIVERIES and RECORD_OUTCOMES), but not always. A batch that enqueues several events
 * of one voucher gives them all the same time; the claim moves only the head forward by its
 * lease; and when that lease runs out without an outcome (its connector killed, stalled, or
 * PostgreSQL restarted before the outcome was written), the head sorts after its successors. A
 * claim that took only candidates that are heads then found none once the window was full of
 * such successors, and nothing was sent again, ever (chaos run, seed 1315: 35,841 deliveries
 * pending, the 192 earliest due all blocked successors).
 *
 * `heads` stops at the $1st head: it is a filter over the materialized candidates, which it reads
 * in their order (next_attempt_at), with no join and no sort that would make it check every
 * candidate first. While a backlog drains, nearly every candidate is a head, and checking the
 * whole window (room + 512) on every claim was most of the claim's cost (28 of 29 ms, measured
 * with 17,674 pending). Several candidates of one voucher lead to the same head: `DISTINCT`
 * over those few rows keeps one.
 */
export const CLAIM_DUE_DELIVERIES = preparedStatement('claim-due-deliveries', `
WITH candidates AS MATERIALIZED (
  SELECT subscription_id, event_id, voucher_code_hash, sequence, next_attempt_at
  FROM webhook_delivery
  WHERE status = 'pending' AND next_attempt_at <= now()
  ORDER BY next_attempt_at
  LIMIT $3
), heads AS MATERIALIZED (
  SELECT DISTINCT first.subscription_id, first.event_id FROM (
    SELECT head.subscription_id, head.event_id
    FROM candidates c
    CROSS JOIN LATERAL (
      SELECT earlier.subscription_id, earlier.event_id, earlier.next_attempt_at FROM webhook_delivery earlier
      WHERE earlier.subscription_id = c.subscription_id AND earlier.voucher_code_hash = c.voucher_code_hash
        AND earlier.status NOT IN ('delivered', 'parked', 'discarded')
      ORDER BY earlier.sequence LIMIT 1) head
    WHERE head.next_attempt_at <= now()
      AND EXISTS (SELECT 1 FROM webhook_subscription s
        WHERE s.id = c.subscription_id AND s.status = 'active' AND s.deleted_at IS NULL)
    LIMIT $1) first
), due AS (
  SELECT d.subscription_id, d.event_id
  FROM heads h JOIN webhook_delivery d ON d.subscription_id = h.subscription_id AND d.event_id = h.event_id
  WHERE d.status = 'pending' AND d.next_attempt_at <= now()
  FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_delivery d
SET next_attempt_at = now() + $2::bigint * interval '1 millisecond', attempts = d.attempts + 1,
  last_attempt_at = now()
FROM due
WHERE d.subscription_id = due.subscription_id AND d.event_id = due.event_id
RETURNING ${CLAIMED_DELIVERY_COLUMNS}`);

/**
 * Every outcome of a round of attempts in one statement. Only pending rows change: a delivery
 * whose lease ran out and that another connector already finished keeps that outcome. The body
 * is dropped once delivered (it holds the full voucher code); parked ones keep it for a replay.
 * A head that will be retried later takes its voucher's successors' next attempts along, so they
 * do not sit at the front of the due index, blocked, for hours (the claim reads a window of it);
 * a head that is done releases them at once (one enqueued while it was in flight took its lease).
 * Returns how many successors it released that way: only those give the dispatcher a reason to
 * claim again now.
 */
export const RECORD_OUTCOMES = preparedStatement('record-outcomes', `
WITH recorded AS (
  UPDATE webhook_delivery d
  SET status = o.status,
    next_attempt_at = CASE WHEN o.delay_ms IS NULL THEN d.next_attempt_at
      ELSE now() + o.delay_ms * interval '1 millisecond' END,
    last_status = o.last_status,
    last_error = o.last_error,
    last_reason = o.last_reason,
    delivered_at = CASE WHEN o.status = 'delivered' THEN now() ELSE d.delivered_at END,
    payload = CASE WHEN o.status = 'delivered' THEN NULL ELSE d.payload END
  FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::int[], $6::text[], $7::text[])
    AS o(subscription_id, event_id, status, delay_ms, last_status, last_error, last_reason)
  WHERE d.subscription_id = o.subscription_id AND d.event_id = o.event_id AND d.status = 'pending'
  RETURNING d.subscription_id, d.voucher_code_hash, d.sequence, d.status, d.next_attempt_at
), moved AS (
  UPDATE webhook_delivery later
  SET next_attempt_at = CASE WHEN r.status = 'pending' THEN r.next_attempt_at ELSE now() END
  FROM recorded r
  WHERE later.subscription_id = r.subscription_id AND later.voucher_code_hash = r.voucher_code_hash
    AND later.sequence > r.sequence AND later.status NOT IN ('delivered', 'parked', 'discarded')
    AND CASE WHEN r.status = 'pending' THEN later.next_attempt_at < r.next_attempt_at
      ELSE later.next_attempt_at > now() END
  RETURNING r.status <> 'pending' AS released
)
SELECT count(*) FILTER (WHERE released)::int AS released FROM moved`);

/**
 * The shop answered 410 Gone: the subscription is disabled and what it still had pending is
 * parked with the same reason (an operator can replay it once the shop is back).
 */
export const DISABLE_SUBSCRIPTIONS = `
WITH disabled AS (
  UPDATE webhook_subscription SET status = 'disabled', disabled_reason = $2, disabled_at = now()
  WHERE id = ANY($1::uuid[]) AND status = 'active'
  RETURNING id
)
UPDATE webhook_delivery d SET status = 'parked', last_error = $2, last_reason = 'subscription-disabled'
FROM disabled WHERE d.subscription_id = disabled.id AND d.status = 'pending'`;

export const COUNT_PENDING = `SELECT count(*)::int AS pending FROM webhook_delivery WHERE status = 'pending'`;

/**
 * Opens the claim's transaction with plain index scans required. Each attempt leaves dead
 * entries in the due index until a vacuum (which may be rare: autovacuum can be off, as on the
 * CI machines); a plain index scan marks them dead as it passes, so the next scan skips them,
 * while a bitmap scan — which the planner picks whenever it believes few rows are pending —
 * visits them all again on every claim and slows down with each delivery made.
 */
export const BEGIN_CLAIM = `BEGIN; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off`;
