import { setTimeout as delay } from 'node:timers/promises';
import { ChaosKeys } from '../cluster/chaos-database';
import { SeededRandom } from '@voucher-bridge/fuzzing';
import { CashboxClient } from './cashbox-client';
import { VoucherPlan } from './voucher-plan';

/** An event the gateway answered 202: the promise the checks hold the bridge to. */
export interface AcceptedEvent {
  voucher: number;
  operation: number;
  eventId: string;
  acceptedAt: number;
}

export interface LoadResult {
  accepted: AcceptedEvent[];
  /** Non-202 answers to requests the load made valid: each one is a finding. */
  unexpectedAnswers: { voucher: string; operation: number; status: number; body: unknown }[];
  /** Operations without a definite answer before the bound: the voucher's later ones were not sent. */
  unanswered: { voucher: number; operation: number }[];
  /** A retry after a (deliberately) lost 202 answered another event id. */
  idempotencyMismatches: number;
  lostAnswerRetries: number;
}

/**
 * Sends every voucher's operations in order — the next only after the previous was accepted, so
 * acceptance order is the plan's order — with many vouchers in flight at once.
 */
export async function runLoad(
  plans: VoucherPlan[], keys: ChaosKeys, client: CashboxClient, concurrency: number, giveUpAt: number,
  random: SeededRandom, onProgress: (sent: number) => void, eventsPerSecond = 0,
): Promise<LoadResult> {
  const result: LoadResult = { accepted: [], unexpectedAnswers: [], unanswered: [], idempotencyMismatches: 0, lostAnswerRetries: 0 };
  const next = new Array<number>(plans.length).fill(0);
  const window: number[] = [];
  let admitted = 0;
  const windowSize = concurrency * 4;
  const refill = () => {
    while (window.length < windowSize && admitted < plans.length) window.push(admitted++);
  };
  refill();
  // Paced so a short run's load lasts as long as its faults; 0 = as fast as the bridge takes it.
  let slot = Date.now();
  const pace = async () => {
    if (eventsPerSecond <= 0) return;
    slot = Math.max(slot + 1000 / eventsPerSecond, Date.now() - 1000);
    if (slot > Date.now()) await delay(slot - Date.now());
  };
  const worker = async () => {
    while (Date.now() < giveUpAt) {
      await pace();
      refill();
      const voucher = window.shift();
      if (voucher === undefined) return;
      const plan = plans[voucher];
      const index = next[voucher];
      const operation = plan.operations[index];
      const key = `chaos-${voucher}-${index}`;
      const secret = keys.cashboxes.get(operation.cashbox)!;
      const answer = await client.send(operation.path, operation.body, secret, key, giveUpAt);
      if (!answer) {
        result.unanswered.push({ voucher, operation: index });
        continue;
      }
      if (answer.status !== 202 || !answer.body.eventId) {
        result.unexpectedAnswers.push({ voucher: plan.code, operation: index, status: answer.status, body: answer.body });
        continue;
      }
      result.accepted.push({ voucher, operation: index, eventId: answer.body.eventId, acceptedAt: Date.now() });
      onProgress(result.accepted.length);
      // A cashbox that lost the 202 (its connection dropped) sends the same sale again.
      if (random.chance(0.01)) {
        result.lostAnswerRetries++;
        const again = await client.send(operation.path, operation.body, secret, key, giveUpAt);
        if (again && (again.status !== 202 || again.body.eventId !== answer.body.eventId)) result.idempotencyMismatches++;
      }
      next[voucher]++;
      if (next[voucher] < plan.operations.length) window.push(voucher);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
