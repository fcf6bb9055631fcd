import { preparedStatement } from '@voucher-bridge/database';

/**
 * An event of store $2 (a purchase, redemption or cancellation) and, once the relay marked it
 * sent, where it landed. The store is part of the lookup, so another store's event is as unknown
 * as one that never existed.
 */
export const SELECT_EVENT_STATUS = preparedStatement('select-event-status', `
WITH accepted AS (
  SELECT event_id FROM gateway_purchase WHERE event_id = $1::uuid AND store_id = $2
  UNION ALL
  SELECT event_id FROM gateway_voucher_event WHERE event_id = $1::uuid AND store_id = $2
)
SELECT a.event_id, e.topic, e.kafka_partition, e.kafka_offset::text, e.published_at
FROM accepted a LEFT JOIN gateway_event_publication e USING (event_id)`);
