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

/** What to write for one finished attempt. */
export interface DeliveryOutcome {
  subscriptionId: string;
  eventId: string;
  status: 'pending' | 'delivered' | 'parked';
  /** For a retry: wait this long before the next attempt. */
  delayMs: number | null;
  lastStatus: number | null;
  lastError: string | null;
}
