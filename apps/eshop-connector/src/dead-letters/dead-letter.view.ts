/** A dead letter as the operators' API shows it (a row of the union in dead-letters.sql.ts). */
export interface DeadLetterRow {
  id: string;
  kind: 'record' | 'delivery';
  reason_class: string;
  reason: string;
  detail: string;
  status: string;
  attempts: number;
  parked_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  voucher_code_masked: string | null;
  event_id: string | null;
  event_type: string | null;
  source_topic: string | null;
  source_partition: number | null;
  source_offset: string | null;
  subscription_id: string | null;
  last_status: number | null;
}

export interface DeadLetterFilter {
  kind?: 'record' | 'delivery';
  reason?: string;
  status?: string;
  parkedBefore?: Date;
}
