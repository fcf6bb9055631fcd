/**
 * An event of store $2 and, once the relay marked it sent, where it landed. The store is part
 * of the lookup, so another store's event is as unknown as one that never existed.
 */
export const SELECT_EVENT_STATUS = `
SELECT p.event_id, e.topic, e.kafka_partition, e.kafka_offset::text, e.published_at
FROM gateway_purchase p LEFT JOIN gateway_event_publication e USING (event_id)
WHERE p.event_id = $1::uuid AND p.store_id = $2`;
