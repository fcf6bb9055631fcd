import { ConsumedMessage } from '@voucher-bridge/kafka';
import { InvalidVoucherEventError, VoucherEvent, parseVoucherEvent } from '@voucher-bridge/voucher-contract';

export type ParsedRecord = { event: VoucherEvent } | { reason: string; detail: string };

/**
 * Reads the event of one record, or says why it cannot be read. Shared by the consumer and the
 * operators' replay, so a replayed record meets exactly the checks it met the first time.
 */
export function parseVoucherRecord(message: Pick<ConsumedMessage, 'key' | 'value'>): ParsedRecord {
  let event: VoucherEvent;
  try {
    event = parseVoucherEvent(message.value);
  } catch (error) {
    if (error instanceof InvalidVoucherEventError) return { reason: error.reason, detail: error.message };
    throw error;
  }
  // The key decides the partition and so the order of a voucher's events: it must be the code.
  if (message.key?.toString() !== event.voucherCode) {
    return { reason: 'key-mismatch', detail: 'message key is not the event voucherCode' };
  }
  return { event };
}
