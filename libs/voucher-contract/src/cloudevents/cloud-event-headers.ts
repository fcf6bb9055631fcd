import type { VoucherEvent } from '../serialization/voucher-event';

/**
 * CloudEvents 1.0 attributes of an event, as Kafka headers in the binding's binary mode: the
 * record value stays the event JSON, and any CloudEvents SDK reads the attributes from here.
 * `ce_source` names the cashbox the event came from (a URI reference), `ce_time` is when it
 * happened there.
 */
export function cloudEventHeaders(event: VoucherEvent): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: event.eventId,
    ce_type: event.eventType,
    ce_source: `/stores/${encodeURIComponent(event.source.storeId)}/cashboxes/${encodeURIComponent(event.source.cashboxId)}`,
    ce_time: event.occurredAt,
    'content-type': 'application/json',
  };
}
