import { DeadLetterDto } from './dead-letter.response.dto';
import { DeadLetterRow } from './dead-letter.view';

export function toDeadLetterDto(row: DeadLetterRow): DeadLetterDto {
  return {
    id: row.id,
    kind: row.kind,
    reasonClass: row.reason_class,
    reason: row.reason,
    detail: row.detail,
    status: row.status,
    attempts: row.attempts,
    parkedAt: row.parked_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolution: row.resolution,
    voucherCode: row.voucher_code_masked,
    eventId: row.event_id,
    eventType: row.event_type,
    ...(row.kind === 'record'
      ? { source: { topic: row.source_topic!, partition: row.source_partition!, offset: row.source_offset! } }
      : { subscriptionId: row.subscription_id!, lastStatus: row.last_status }),
  };
}
