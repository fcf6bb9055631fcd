import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { GroupCommitBatcher } from '@voucher-bridge/database';
import { Counter, Gauge, Histogram, InjectMetric } from '@voucher-bridge/metrics';
import { WebhookDeliveryEnvironment } from '../../config/webhook-delivery.environment';
import { SubscriptionSecretCipher } from '../../subscriptions/subscription-secret.cipher';
import { WEBHOOK_DELIVERIES_PENDING, WEBHOOK_DELIVERIES_TOTAL, WEBHOOK_DELIVERY_LATENCY } from '../delivery.metrics';
import { DeliveryResult } from '../http/delivery-result';
import { WebhookSender } from '../http/webhook.sender';
import { webhookHeaders } from '../http/webhook-signature';
import { RetrySchedule } from '../retry/retry-schedule';
import { ClaimedDelivery, DeliveryOutcome } from './claimed-delivery';
import { DeliveryHandOff } from './delivery-hand-off';
import { outcomeOf } from './delivery-outcome';
import { DeliveryRepository } from './delivery.repository';

/** The pending gauge is a count over the table: refreshed at most this often. */
const PENDING_GAUGE_EVERY_MS = 5_000;

/**
 * Pushes recorded deliveries to the shop. Most arrive already claimed: the registry's
 * transaction leases the heads it writes, in slots reserved here beforehand (reserve), and hands
 * them over at its commit (handOff), so they are sent at once. Everything else — successors, retries
 * whose time has come, deliveries left by a connector that died — is claimed here, on a wake
 * after a registry commit that left some behind and on a short poll; each round claims at most
 * as many as there is room for. Sends run concurrently, at most WEBHOOK_MAX_IN_FLIGHT at once
 * (reserved slots included); their outcomes are written in group-committed statements.
 *
 * A claim is a transaction: the dispatcher claims only when there may be something to take — a
 * registry commit left deliveries unleased, recorded outcomes released a voucher's next events,
 * a slot came free while due rows were left for want of room, the poll. It once claimed after
 * every answer and every recorded outcome: at 100 purchases/s that was 164 claims a second,
 * nearly all finding nothing (bench push phase, pg_stat_statements, 2026-12-06).
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly schedule: RetrySchedule;
  private readonly leaseMs: number;
  /** The longest one send can take: it is started only while the whole of it fits in the lease. */
  private readonly sendBoundMs: number;
  private readonly outcomes: GroupCommitBatcher<DeliveryOutcome, undefined>;
  /** Attempts not yet recorded (awaited at shutdown). */
  private readonly inFlight = new Set<Promise<void>>();
  /** Attempts waiting for the shop's answer: they, and the reserved slots, fill WEBHOOK_MAX_IN_FLIGHT. */
  private sending = 0;
  /** Slots set aside for registry transactions under way. */
  private reserved = 0;
  private pumping = false;
  private again = false;
  /** The last round ran out of room: due rows may be waiting for a slot to come free. */
  private starved = false;
  private stopped = false;
  private poll?: NodeJS.Timeout;
  private pendingCountedAt = 0;

  constructor(
    private readonly env: WebhookDeliveryEnvironment,
    private readonly repository: DeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly secrets: SubscriptionSecretCipher,
    @InjectMetric(WEBHOOK_DELIVERIES_TOTAL) private readonly total: Counter<'subscription' | 'outcome'>,
    @InjectMetric(WEBHOOK_DELIVERY_LATENCY) private readonly latency: Histogram,
    @InjectMetric(WEBHOOK_DELIVERIES_PENDING) private readonly pending: Gauge,
  ) {
    this.schedule = RetrySchedule.parse(env.WEBHOOK_RETRY_SCHEDULE);
    // Longer than any attempt can take (the sender's own bounds) plus the outcome's write: a
    // lease running out means the holder died, not that it is slow.
    this.sendBoundMs = env.WEBHOOK_CONNECT_TIMEOUT_MS + env.WEBHOOK_RESPONSE_TIMEOUT_MS;
    this.leaseMs = this.sendBoundMs + 5_000;
    this.outcomes = new GroupCommitBatcher<DeliveryOutcome, undefined>(async (items) => {
      // A finished head releases its voucher's next events, and a retry may be due at once
      // (a schedule starting at 0 s): claim them now, not at the poll.
      const released = await this.repository.record(items);
      if (released > 0 || items.some((o) => o.status === 'pending' && o.delayMs !== null && o.delayMs <= 0)) this.wake();
      return items.map(() => undefined);
    }, { maxBatchSize: 500, maxWaitMs: 1, maxConcurrentFlushes: 2 });
  }

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => this.wake(), this.env.WEBHOOK_POLL_INTERVAL_MS);
    this.wake();
  }

  /** Stops claiming; attempts in flight finish and their outcomes are written before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await Promise.allSettled([...this.inFlight]);
    await this.outcomes.drain();
  }

  /**
   * Before a registry transaction: up to `wanted` slots for the deliveries it will hand over.
   * Every reservation ends in handOff (committed) or release (rolled back).
   */
  reserve(wanted: number): DeliveryHandOff {
    const slots = this.stopped ? 0 : Math.max(0, Math.min(wanted, this.room()));
    this.reserved += slots;
    // Taken before the transaction asks for its lease: this process's idea of it never outlasts the database's.
    return { slots, leaseMs: this.leaseMs, leaseEnds: performance.now() + this.leaseMs };
  }

  /** The registry committed: its leased deliveries are sent now; any it left unleased are claimed. */
  handOff(handOff: DeliveryHandOff, leased: readonly ClaimedDelivery[], recorded: number): void {
    this.unreserve(handOff);
    // Stopping: the leases run out and the rows are claimed again after the restart.
    if (!this.stopped) for (const delivery of leased) this.start(delivery, handOff.leaseEnds);
    if (recorded > leased.length) this.wake();
  }

  /** The registry's transaction rolled back: nothing was handed over. */
  release(handOff: DeliveryHandOff): void {
    this.unreserve(handOff);
    this.wake();
  }

  private unreserve(handOff: DeliveryHandOff): void {
    this.reserved -= handOff.slots;
    handOff.slots = 0;
  }

  private room(): number {
    return this.env.WEBHOOK_MAX_IN_FLIGHT - this.sending - this.reserved;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      do {
        this.again = false;
        const room = this.room();
        // Full: the next answer wakes the dispatcher again.
        this.starved = room <= 0;
        if (this.starved) break;
        // Heads are looked for among the earliest due rows, with headroom for the successors
        // of heads in flight, which are due but held back.
        // Taken before the claim is asked for, so this process's idea of its lease never outlasts the database's.
        const leaseEnds = performance.now() + this.leaseMs;
        const claimed = await this.repository.claim(room, room + 2 * this.env.WEBHOOK_MAX_IN_FLIGHT, this.leaseMs);
        for (const delivery of claimed) this.start(delivery, leaseEnds);
        // As many as there was room for: there may be more, now or once a slot is free.
        if (claimed.length === room) this.again = true;
      } while (this.again && !this.stopped);
      await this.countPending();
    } catch (error) {
      // The database is away: the poll tries again; leases keep claimed work safe meanwhile.
      this.logger.warn(`claiming deliveries failed: ${(error as Error).message}`);
    } finally {
      this.pumping = false;
    }
  }

  private start(delivery: ClaimedDelivery, leaseEnds: number): void {
    this.sending++;
    let answered = false;
    // The slot is free once the shop answered; the outcome is written meanwhile (the lease
    // keeps the row, and so its voucher's next event, from being claimed until it is).
    const onAnswer = () => {
      if (answered) return;
      answered = true;
      this.sending--;
      if (this.starved) this.wake();
    };
    const attempt = this.attempt(delivery, leaseEnds, onAnswer).catch((error: Error) => {
      // Not expected (every outcome is caught below); left pending, it is tried again after its lease.
      this.logger.error(`delivery ${delivery.eventId} failed unexpectedly: ${error.message}`);
    }).finally(() => {
      onAnswer();
      this.inFlight.delete(attempt);
    });
    this.inFlight.add(attempt);
  }

  private async attempt(delivery: ClaimedDelivery, leaseEnds: number, onAnswer: () => void): Promise<void> {
    // A process that was stalled (SIGSTOP, a long GC pause, a frozen VM) so that a send could
    // outlast its lease must not start it: another connector may meanwhile have delivered this event and the voucher's next ones,
    // and a late push would reach the shop out of order. The row stays for the lease's new holder.
    if (performance.now() + this.sendBoundMs > leaseEnds) {
      this.logger.warn(`lease of delivery ${delivery.eventId} (voucher ${delivery.voucherCodeMasked}) ran out before it was sent: left to the next claim`);
      return;
    }
    const result = await this.send(delivery);
    onAnswer();
    const outcome = outcomeOf(delivery, result, this.schedule);
    try {
      await this.outcomes.write(outcome);
      if (result.kind === 'gone') await this.repository.disableSubscriptions([delivery.subscriptionId], result.error);
    } catch (error) {
      // Left pending under its lease: attempted again once the lease runs out (at least once).
      this.logger.warn(`recording delivery ${delivery.eventId} failed: ${(error as Error).message}`);
      return;
    }
    this.observe(delivery, result, outcome);
  }

  private async send(delivery: ClaimedDelivery): Promise<DeliveryResult> {
    let headers: Record<string, string>;
    try {
      const secrets = delivery.sealedSecrets.map((sealed) => this.secrets.open(delivery.subscriptionId, sealed));
      headers = webhookHeaders(secrets, delivery.eventId, new Date(), delivery.payload);
    } catch (error) {
      // No secret, one that is not `whsec_` + base64, or one that does not open (its key is not
      // configured, or the row was altered): no retry can sign it. An operator replays it once fixed.
      return { kind: 'park', status: null, error: `cannot sign: ${(error as Error).message}`, reason: 'cannot-sign' };
    }
    return this.sender.send(delivery.url, headers, delivery.payload);
  }

  private observe(delivery: ClaimedDelivery, result: DeliveryResult, outcome: DeliveryOutcome): void {
    const subscription = delivery.subscriptionId;
    const what = `delivery ${delivery.eventId} (voucher ${delivery.voucherCodeMasked}, sequence ${delivery.sequence}) to subscription ${subscription}`;
    if (outcome.status === 'delivered') {
      this.total.inc({ subscription, outcome: 'delivered' });
      this.latency.observe((Date.now() - delivery.createdAt.getTime()) / 1_000);
    } else if (result.kind === 'gone') {
      this.total.inc({ subscription, outcome: 'disabled' });
      this.logger.warn(`${what}: ${outcome.lastError}`);
    } else if (outcome.status === 'parked') {
      this.total.inc({ subscription, outcome: 'parked' });
      this.logger.warn(`${what} parked after attempt ${delivery.attempts}: ${outcome.lastError}`);
    } else {
      this.total.inc({ subscription, outcome: 'retried' });
      this.logger.log(`${what} attempt ${delivery.attempts} failed (${outcome.lastError}); next in ${outcome.delayMs} ms`);
    }
  }

  private async countPending(): Promise<void> {
    if (Date.now() - this.pendingCountedAt < PENDING_GAUGE_EVERY_MS) return;
    this.pendingCountedAt = Date.now();
    this.pending.set(await this.repository.countPending());
  }
}
