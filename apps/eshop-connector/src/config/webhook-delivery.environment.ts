import { IsInt, Matches, Max, Min } from 'class-validator';
import { RETRY_SCHEDULE_PATTERN } from '../deliveries/retry/retry-schedule';

/** How eshop-connector pushes applied events to the shop's subscriptions (issue 9). */
export class WebhookDeliveryEnvironment {
  /**
   * Delays before each attempt, the first usually `0s` (at once); a delivery still failing after
   * the last is parked. Units ms, s, m, h. Each delay is jittered ±20 % so a recovering shop is
   * not hit by every waiting delivery in the same second.
   */
  @Matches(RETRY_SCHEDULE_PATTERN, { message: 'WEBHOOK_RETRY_SCHEDULE must be a comma-separated list of delays such as 0s,1s,5s,30s,2m,1h' })
  WEBHOOK_RETRY_SCHEDULE: string = '0s,1s,5s,30s,2m,10m,1h,3h,8h,12h';

  /**
   * Deliveries in flight at once (sent and awaiting the answer, or set aside for a registry
   * transaction to hand over), across all subscriptions (one per voucher at most). Twice the
   * connections of one shop origin by default: more only queue inside the HTTP client, and each
   * claim looks through twice as many rows as there are slots. Draining 100k events with one
   * subscriber (bench push phase, 2026-12-06): 64 slots 9,726 / 11,335 / 10,899 events/s at
   * 80-96 µs per event, 247-248 MiB peak; 256 slots 8,105 / 8,807 at 104-117 µs, 252-254 MiB;
   * 32 slots 8,497 at 107 µs. Raise it with the number of shop origins that take pushes at once.
   */
  @IsInt()
  @Min(1)
  @Max(10_000)
  WEBHOOK_MAX_IN_FLIGHT: number = 64;

  /** Keep-alive connections per shop origin. */
  @IsInt()
  @Min(1)
  @Max(1_000)
  WEBHOOK_CONNECTIONS_PER_ORIGIN: number = 32;

  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_CONNECT_TIMEOUT_MS: number = 5_000;

  /** Time for the shop's whole answer (headers and body) once the request is sent. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  WEBHOOK_RESPONSE_TIMEOUT_MS: number = 10_000;

  /**
   * Retries whose time has come are found by this poll; fresh events do not wait for it (the
   * registry wakes the dispatcher after each commit).
   */
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS: number = 1_000;

  /**
   * Finished deliveries (delivered or discarded; the body is already gone) are deleted this long
   * after the event was registered. Pending and parked ones are never deleted by age.
   */
  @IsInt()
  @Min(0)
  @Max(8_760)
  WEBHOOK_DELIVERY_RETENTION_HOURS: number = 168;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WEBHOOK_DELIVERY_CLEANUP_INTERVAL_MS: number = 60_000;
}
