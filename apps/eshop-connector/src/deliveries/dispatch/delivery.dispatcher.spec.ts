import { randomBytes } from 'node:crypto';
import type { Counter, Gauge, Histogram } from '@voucher-bridge/metrics';
import type { WebhookDeliveryEnvironment } from '../../config/webhook-delivery.environment';
import type { SubscriptionSecretCipher } from '../../subscriptions/subscription-secret.cipher';
import type { DeliveryResult } from '../http/delivery-result';
import type { WebhookSender } from '../http/webhook.sender';
import { ClaimedDelivery, DeliveryOutcome } from './claimed-delivery';
import { DeliveryDispatcher } from './delivery.dispatcher';
import type { DeliveryRepository } from './delivery.repository';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

/** The dispatcher with fakes around it: sends wait until the test answers them. */
function dispatcher(maxInFlight: number, { released = 0, due = [] as ClaimedDelivery[] } = {}) {
  const answers: ((result: DeliveryResult) => void)[] = [];
  const recorded: DeliveryOutcome[] = [];
  const claims: number[] = [];
  const env = {
    WEBHOOK_RETRY_SCHEDULE: '0s,1s', WEBHOOK_MAX_IN_FLIGHT: maxInFlight, WEBHOOK_CONNECT_TIMEOUT_MS: 1_000,
    WEBHOOK_RESPONSE_TIMEOUT_MS: 1_000, WEBHOOK_POLL_INTERVAL_MS: 60_000,
  } as WebhookDeliveryEnvironment;
  const repository = {
    claim: async (limit: number) => {
      claims.push(limit);
      return due.splice(0, limit);
    },
    record: async (outcomes: DeliveryOutcome[]) => {
      recorded.push(...outcomes);
      return released;
    },
    countPending: async () => 0,
  } as unknown as DeliveryRepository;
  const sender = { send: () => new Promise<DeliveryResult>((resolve) => answers.push(resolve)) } as unknown as WebhookSender;
  const secrets = { open: (_: string, sealed: string) => sealed } as unknown as SubscriptionSecretCipher;
  const metric = { inc: () => undefined, observe: () => undefined, set: () => undefined };
  const subject = new DeliveryDispatcher(env, repository, sender, secrets,
    metric as unknown as Counter<'subscription' | 'outcome'>, metric as unknown as Histogram, metric as unknown as Gauge);
  return { subject, answers, recorded, claims };
}

const delivery = (n: number): ClaimedDelivery => ({
  subscriptionId: 'sub', eventId: `event-${n}`, voucherCodeMasked: '****0001', sequence: 1, attempts: 1,
  payload: '{}', createdAt: new Date(), url: 'http://127.0.0.1:9/hook', sealedSecrets: [SECRET],
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Outcomes are group-committed after a short timer: wait for the condition, not a fixed time. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('DeliveryDispatcher hand-off', () => {
  it('reserves no more slots than WEBHOOK_MAX_IN_FLIGHT, sends handed-off deliveries at once and frees their slots when answered', async () => {
    const { subject, answers, recorded } = dispatcher(4);
    const first = subject.reserve(3);
    const second = subject.reserve(3);
    expect([first.slots, second.slots]).toEqual([3, 1]);
    expect(subject.reserve(1).slots).toBe(0);

    subject.handOff(first, [delivery(1), delivery(2)], 2);
    await settle();
    expect(answers).toHaveLength(2);
    // The unused third slot came back; the two sends still hold theirs, the second reservation its own.
    expect(subject.reserve(9).slots).toBe(1);

    answers[0]({ kind: 'delivered', status: 204 });
    await eventually(() => recorded.length > 0);
    expect(subject.reserve(9).slots).toBe(1);
    expect(recorded.map((o) => [o.eventId, o.status])).toContainEqual(['event-1', 'delivered']);
  });

  it('gives the slots of a rolled-back transaction back, once', async () => {
    const { subject } = dispatcher(2);
    const handOff = subject.reserve(2);
    subject.release(handOff);
    subject.release(handOff);
    expect(subject.reserve(5).slots).toBe(2);
  });

  it('claims what a registry transaction recorded but could not hand over', async () => {
    const { subject, claims } = dispatcher(4);
    const handOff = subject.reserve(1);
    subject.handOff(handOff, [], 3);
    await settle();
    expect(claims).toEqual([4]);
  });

  it('does not claim after an answer and its outcome when nothing can have become due', async () => {
    const { subject, answers, recorded, claims } = dispatcher(4);
    subject.handOff(subject.reserve(1), [delivery(1)], 1);
    await settle();
    answers[0]({ kind: 'delivered', status: 204 });
    await eventually(() => recorded.length > 0);
    await settle();
    expect(claims).toEqual([]);
  });

  it('claims again when recorded outcomes released a voucher\'s next deliveries', async () => {
    const { subject, answers, recorded, claims } = dispatcher(4, { released: 1 });
    subject.handOff(subject.reserve(1), [delivery(1)], 1);
    await settle();
    answers[0]({ kind: 'delivered', status: 204 });
    await eventually(() => recorded.length > 0 && claims.length > 0);
    expect(claims).toEqual([4]);
  });

  it('claims again when a slot comes free after a round ran out of room', async () => {
    // Two due: one fills the only slot, and the round stops for want of room.
    const { subject, answers, claims } = dispatcher(1, { due: [delivery(1), delivery(2)] });
    subject.handOff(subject.reserve(0), [], 2);
    await settle();
    expect(claims).toEqual([1]);
    expect(answers).toHaveLength(1);
    answers[0]({ kind: 'delivered', status: 204 });
    await eventually(() => answers.length > 1);
    expect(claims).toEqual([1, 1]);
  });
});
