import { RetrySchedule } from '../retry/retry-schedule';
import { ClaimedDelivery } from './claimed-delivery';
import { outcomeOf } from './delivery-outcome';

describe('outcomeOf', () => {
  const schedule = RetrySchedule.parse('0s,1s,5s');
  const middle = () => 0.5;
  const delivery = (attempts: number): ClaimedDelivery => ({
    subscriptionId: 'sub', eventId: 'event', voucherCodeMasked: '****1234', sequence: 1, attempts,
    payload: '{}', createdAt: new Date(), url: 'http://shop.example/hook', sealedSecrets: ['whsec_x'],
  });

  it('records a 2xx as delivered', () => {
    expect(outcomeOf(delivery(1), { kind: 'delivered', status: 204 }, schedule)).toEqual({
      subscriptionId: 'sub', eventId: 'event', status: 'delivered', delayMs: null, lastStatus: 204, lastError: null, lastReason: null,
    });
  });

  it('keeps a failed attempt pending for the schedule\'s next delay', () => {
    expect(outcomeOf(delivery(1), { kind: 'retry', status: 503, error: 'endpoint answered 503' }, schedule, middle))
      .toMatchObject({ status: 'pending', delayMs: 1_000, lastStatus: 503, lastError: 'endpoint answered 503' });
    expect(outcomeOf(delivery(2), { kind: 'retry', status: null, error: 'ECONNREFUSED', reason: 'no-response' }, schedule, middle))
      .toMatchObject({ status: 'pending', delayMs: 5_000, lastStatus: null, lastReason: 'no-response' });
  });

  it('waits at least as long as Retry-After says', () => {
    expect(outcomeOf(delivery(1), { kind: 'retry', status: 429, error: 'endpoint answered 429', retryAfterMs: 120_000 }, schedule, middle))
      .toMatchObject({ status: 'pending', delayMs: 120_000 });
  });

  it('parks once the schedule is exhausted', () => {
    expect(outcomeOf(delivery(3), { kind: 'retry', status: 500, error: 'endpoint answered 500' }, schedule))
      .toMatchObject({ status: 'parked', delayMs: null, lastStatus: 500, lastError: 'endpoint answered 500; gave up after 3 attempts' });
  });

  it('names why an attempt without an HTTP status failed; with one, the status says it', () => {
    expect(outcomeOf(delivery(1), { kind: 'park', status: null, error: 'cannot sign: no secret', reason: 'cannot-sign' }, schedule))
      .toMatchObject({ status: 'parked', lastStatus: null, lastReason: 'cannot-sign' });
    expect(outcomeOf(delivery(1), { kind: 'park', status: null, error: 'address 10.0.0.1 refused', reason: 'address-refused' }, schedule))
      .toMatchObject({ status: 'parked', lastReason: 'address-refused' });
    expect(outcomeOf(delivery(3), { kind: 'retry', status: null, error: 'timeout' }, schedule))
      .toMatchObject({ status: 'parked', lastReason: 'no-response' });
    expect(outcomeOf(delivery(1), { kind: 'park', status: 400, error: 'endpoint answered 400' }, schedule))
      .toMatchObject({ lastStatus: 400, lastReason: null });
  });

  it('parks what the shop refuses, and a 410', () => {
    expect(outcomeOf(delivery(1), { kind: 'park', status: 400, error: 'endpoint answered 400' }, schedule))
      .toMatchObject({ status: 'parked', lastStatus: 400 });
    expect(outcomeOf(delivery(1), { kind: 'gone', status: 410, error: 'endpoint answered 410 Gone: subscription disabled' }, schedule))
      .toMatchObject({ status: 'parked', lastStatus: 410 });
  });
});
