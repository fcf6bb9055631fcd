import type { VoucherEvent } from '../serialization/voucher-event';
import { cloudEventHeaders } from './cloud-event-headers';

/** An event as one Kafka record: keyed by voucher code, JSON value, CloudEvents headers. */
export interface VoucherEventRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Encodes an event for the topic without validating it again: for producers that built it from
 * already validated input (the gateway's accept path). Anything else uses `serializeVoucherEvent`.
 */
export function voucherEventRecord(event: VoucherEvent): VoucherEventRecord {
  return { key: event.voucherCode, value: JSON.stringify(event), headers: cloudEventHeaders(event) };
}
