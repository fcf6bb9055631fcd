import { preparedStatement } from '@voucher-bridge/database';
/**
 * The next unsent rows in id order, leaving out $2 (the rows of the transaction just committed,
 * whose marking runs alongside this read). `sent_at IS NULL`, not "after the last id": a row
 * whose accepting transaction committed late, behind a higher id already sent, is still found.
 */
export const SELECT_NEXT_UNSENT = preparedStatement('select-next-unsent', `
SELECT o.id::text AS id, o.event_id AS "eventId", o.topic, o.message_key AS "messageKey", o.payload, o.headers,
  extract(epoch FROM o.created_at) * 1000 AS "createdAtMs"
FROM gateway_outbox o WHERE o.sent_at IS NULL
  -- NOT IN a subquery, not <> ALL(array): PostgreSQL hashes the subquery's ids once instead of
  -- comparing every row with every id (5,000 rows leaving out 5,000: 140 ms -> 5 ms).
  AND o.id NOT IN (SELECT unnest($2::bigint[]))
-- o.id, the bigint: a bare "id" here would be the text output column above, and sort '10' before '9'.
ORDER BY o.id LIMIT $1`);

/**
 * Marks rows sent and records where each event landed, in one statement. Rows already marked
 * (a new relay re-applying the last committed position) or already deleted are left alone.
 */
export const MARK_SENT = preparedStatement('mark-sent', `
WITH published AS (
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[]) AS t(id, topic, kafka_partition, kafka_offset)
), sent AS (
  UPDATE gateway_outbox o SET sent_at = now()
  FROM published p WHERE o.id = p.id AND o.sent_at IS NULL
  RETURNING o.event_id, p.topic, p.kafka_partition, p.kafka_offset, o.sent_at
)
INSERT INTO gateway_event_publication (event_id, topic, kafka_partition, kafka_offset, published_at)
SELECT event_id, topic, kafka_partition, kafka_offset, sent_at FROM sent
ON CONFLICT (event_id) DO NOTHING`);

/**
 * Of the rows $1, those not marked sent yet, with the id their record carries (its `ce_id`
 * header): a new relay looks for exactly these on Kafka.
 */
export const SELECT_UNSENT_RECORD_IDS = preparedStatement('select-unsent-record-ids', `
SELECT o.id::text AS id, o.headers->>'ce_id' AS "recordId"
FROM gateway_outbox o WHERE o.sent_at IS NULL AND o.id = ANY($1::bigint[])`);
