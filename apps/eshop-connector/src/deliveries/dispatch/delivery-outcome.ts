import { DeliveryResult } from '../http/delivery-result';
import { RetrySchedule } from '../retry/retry-schedule';
import { ClaimedDelivery, DeliveryOutcome } from './claimed-delivery';

/**
 * What to record after an attempt: delivered; pending again after the schedule's next delay
 * (Retry-After as its lower bound); or parked — refused by the shop, or retries exhausted.
 */
export function outcomeOf(delivery: ClaimedDelivery, result: DeliveryResult, schedule: RetrySchedule, random?: () => number): DeliveryOutcome {
  const lastReason = result.kind === 'delivered' || result.status !== null ? null : result.reason ?? 'no-response';
  const base = { subscriptionId: delivery.subscriptionId, eventId: delivery.eventId, lastStatus: result.status, lastReason };
  switch (result.kind) {
    case 'delivered':
      return { ...base, status: 'delivered', delayMs: null, lastError: null };
    case 'retry': {
      const delayMs = schedule.delayAfter(delivery.attempts, result.retryAfterMs, random);
      if (delayMs === undefined) {
        return { ...base, status: 'parked', delayMs: null, lastError: `${result.error}; gave up after ${delivery.attempts} attempts` };
      }
      return { ...base, status: 'pending', delayMs, lastError: result.error };
    }
    case 'park':
    case 'gone':
      return { ...base, status: 'parked', delayMs: null, lastError: result.error };
  }
}
