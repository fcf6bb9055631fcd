/**
 * For each pushed voucher: when the relay marked its event published (after the Kafka commit)
 * and when the connector's registry transaction started (the delivery row's created_at), in ms
 * since the epoch. Together with the receiver's wall clock they split the push latency into the
 * gateway's part and the connector's.
 */
export const PUSH_TIMESTAMPS = `
SELECT p.voucher_code_hash AS hash,
  extract(epoch FROM pub.published_at) * 1000 AS published_ms,
  extract(epoch FROM d.created_at) * 1000 AS registered_ms
FROM gateway_purchase p
JOIN gateway_event_publication pub ON pub.event_id = p.event_id
JOIN webhook_delivery d ON d.event_id = p.event_id
WHERE p.voucher_code_hash = ANY($1::text[])`;
