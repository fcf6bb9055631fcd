import type { FailureReason } from '../http/delivery-result';

/** A delivery this connector holds the lease of, with what it takes to send it. */
export interface ClaimedDelivery {
  subscriptionId: string;
  eventId: string;
  voucherCodeMasked: string;
  sequence: number;
  /** Including the one about to be made. */
  attempts: number;
  payload: string;
  /** When the registry recorded it: the start of the delivery latency. */
  createdAt: Date;
  url: string;
  /** The unexpired signing secrets as stored (sealed; clear in rows not yet sealed), current first. */
  sealedSecrets: string[];
}

/** A row read with CLAIMED_DELIVERY_COLUMNS. */
export interface ClaimedDeliveryRow {
  subscription_id: string;
  event_id: string;
  voucher_code_masked: string;
  sequence: number;
  attempts: number;
  payload: string | null;
  created_at: Date;
  url: string;
  secrets: string[];
}

export function claimedDelivery(row: ClaimedDeliveryRow): ClaimedDelivery {
  return {
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    voucherCodeMasked: row.voucher_code_masked,
    sequence: row.sequence,
    attempts: row.attempts,
    // Pending rows always keep their body; '' only guards the type.
    payload: row.payload ?? '',
    createdAt: row.created_at,
    url: row.url,
    sealedSecrets: row.secrets,
  };
}

/** What to write for one finished attempt. */
export interface DeliveryOutcome {
  subscriptionId: string;
  eventId: string;
  status: 'pending' | 'delivered' | 'parked';
  /** For a retry: wait this long before the next attempt. */
  delayMs: number | null;
  lastStatus: number | null;
  lastError: string | null;
  /** Set only when the attempt failed without an HTTP status. */
  lastReason: FailureReason | null;
}
