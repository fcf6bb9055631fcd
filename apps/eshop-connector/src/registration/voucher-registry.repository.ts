import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, inTransaction, withValues } from '@voucher-bridge/database';
import type { SqlPool, SqlSession } from '@voucher-bridge/database';
import { VoucherEvent, hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { DeliveryHandOff } from '../deliveries/dispatch/delivery-hand-off';
import { DeliveryEnqueuer, EnqueuedDeliveries, NO_DELIVERIES } from '../deliveries/enqueue/delivery.enqueuer';
import { DeadLetterDraft, ParkedDeadLetter, keyFingerprint, storableText } from './dead-letter.draft';
import { BatchContextRow, readBatchContext } from './batch-context';
import { LOAD_BATCH_CONTEXT, PARK_DEAD_LETTERS, WRITE_REGISTRY_BATCH } from './registration.sql';
import { ParkedEvent, PositionedEvent, RegistryBatchPlan, planRegistryBatch } from './state/registry-batch.plan';

/** What one transaction wrote: the plan and the dead letters it parked (new, or tried again). */
export interface RegistryWrite {
  plan: RegistryBatchPlan;
  parked: ParkedDeadLetter[];
  /** Pushes to the shop recorded for the applied events, and those leased to be sent at the commit. */
  deliveries: EnqueuedDeliveries;
}

export interface ApplyOptions {
  /** An operator's replay: a dead letter met again counts an attempt instead of being skipped. */
  replay?: boolean;
  /** Slots for deliveries sent at the commit; without, the dispatcher claims them. */
  handOff?: DeliveryHandOff;
}

/**
 * The shop-side registry's write side. Vouchers are stored under the hash of their code. A batch
 * is one transaction: load what it is planned on (one query: its vouchers, its events handled
 * before, the subscribed event types), apply the events in memory in order, write everything in
 * one set-based statement — a redelivered event finds its id processed and changes nothing. Plain pg on the shared pool, like the gateway's accepting path: this is the hot path,
 * and Prisma's interactive transactions cost a third of the connector's CPU besides parsing.
 */
@Injectable()
export class VoucherRegistryRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    private readonly deliveries: DeliveryEnqueuer,
  ) {}

  /**
   * One batch in one transaction. `beforeCommit` runs inside it after the writes (producing the
   * dead letters): if it fails, nothing is written and the batch is retried, so a parked record
   * is never without its dead-letter record.
   */
  async apply(events: PositionedEvent[], unreadable: DeadLetterDraft[], at: Date, beforeCommit: (write: RegistryWrite) => Promise<void>): Promise<RegistryWrite> {
    if (events.length === 0 && unreadable.length === 0) return { plan: planRegistryBatch([], new Map(), new Set()), parked: [], deliveries: NO_DELIVERIES };
    const handOff = this.deliveries.reserve(events.length);
    let write: RegistryWrite;
    try {
      write = await this.transaction(async (session) => {
        const written = await this.applyIn(session, events, unreadable, at, { handOff });
        await beforeCommit(written);
        return written;
      });
    } catch (error) {
      this.deliveries.abandoned(handOff);
      throw error;
    }
    this.deliveries.committed(handOff, write.deliveries);
    return write;
  }

  /**
   * Runs `work` in a transaction on one connection: committed when it resolves (rolled back
   * instead with `rollback`, for a dry run), rolled back when it throws.
   */
  async transaction<T>(work: (session: SqlSession) => Promise<T>, { rollback = false } = {}): Promise<T> {
    return inTransaction(this.pool, work, { rollback });
  }

  /**
   * The consumer's path inside a transaction: load the vouchers (locked), apply the events in
   * memory in order, write registry and dead letters. The operators' replay runs exactly this.
   */
  async applyIn(session: SqlSession, events: PositionedEvent[], unreadable: DeadLetterDraft[], at: Date, options: ApplyOptions = {}): Promise<RegistryWrite> {
    let plan = planRegistryBatch([], new Map(), new Set());
    let deliveries = NO_DELIVERIES;
    if (events.length > 0) {
      const hashes = [...new Set(events.map(({ event }) => hashVoucherCode(event.voucherCode)))].sort();
      const { rows } = await session.query<BatchContextRow>(withValues(LOAD_BATCH_CONTEXT, [hashes, events.map(({ event }) => event.eventId)]));
      const context = readBatchContext(rows);
      plan = planRegistryBatch(events, context.states, context.processed);
      if (plan.processedEventIds.length > 0) await session.query(withValues(WRITE_REGISTRY_BATCH, writeParameters(plan, at)));
      // The shop's pushes for the applied events, durable before the offset moves.
      deliveries = await this.deliveries.enqueue(session, plan.history, context.subscribed, options.handOff);
    }
    const drafts = [...unreadable, ...plan.parked.map(refusedDraft)];
    if (drafts.length === 0) return { plan, parked: [], deliveries };
    const { rows } = await session.query<{ id: string; source_partition: number; source_offset: string; attempts: number }>(
      PARK_DEAD_LETTERS, deadLetterParameters(drafts, at, options.replay ?? false));
    const written = new Map(rows.map((row) => [`${row.source_partition}@${row.source_offset}`, row]));
    const parked = drafts.flatMap((draft) => {
      const row = written.get(`${draft.partition}@${draft.offset}`);
      return row ? [{ ...draft, id: row.id, attempts: row.attempts }] : [];
    });
    return { plan, parked, deliveries };
  }
}

function refusedDraft({ positioned, rule, message }: ParkedEvent): DeadLetterDraft {
  return {
    topic: positioned.topic, partition: positioned.partition, offset: positioned.offset, key: positioned.event.voucherCode,
    reasonClass: 'rule-violation', reason: rule, detail: message,
    eventId: positioned.event.eventId, eventType: positioned.event.eventType,
  };
}

function deadLetterParameters(drafts: DeadLetterDraft[], at: Date, replay: boolean): unknown[] {
  const keys = drafts.map((d) => keyFingerprint(d.key));
  return [
    drafts.map((d) => d.reasonClass),
    drafts.map((d) => d.reason),
    drafts.map((d) => storableText(d.detail)),
    drafts.map((d) => d.eventId),
    drafts.map((d) => d.eventType),
    keys.map((k) => k.hash),
    keys.map((k) => k.masked),
    drafts.map((d) => d.topic),
    drafts.map((d) => d.partition),
    drafts.map((d) => d.offset),
    at,
    replay,
  ];
}

/** WRITE_REGISTRY_BATCH's parameters: the batch's rows as JSON, keyed by the statement's column names. */
function writeParameters({ processedEventIds, vouchers, history, parked }: RegistryBatchPlan, parkedAt: Date): unknown[] {
  return [
    JSON.stringify(processedEventIds),
    JSON.stringify(vouchers.map((v) => ({
      hash: v.hash, masked: v.masked, status: v.state.status, balance: v.state.balance, currency: v.state.currency,
      issued_at: v.state.issuedAt, expires_at: v.state.expiresAt, last_event_id: v.lastEventId,
      last_sequence: v.state.sequence, fingerprint: v.state.purchaseFingerprint,
    }))),
    JSON.stringify(history.map((h, n) => ({
      hash: h.hash, event_id: h.event.eventId, event_type: h.event.eventType, store_id: h.event.source.storeId,
      cashbox_id: h.event.source.cashboxId, occurred_at: h.event.occurredAt, sequence: h.sequence,
      amount: amountOf(h.event)?.value ?? null, currency: amountOf(h.event)?.currency ?? null,
      balance_after: h.balanceAfter, outcome: h.outcome, rule: h.rule, n,
    }))),
    JSON.stringify(parked.map((p) => ({
      event_id: p.positioned.event.eventId, hash: p.hash, masked: p.masked, event_type: p.positioned.event.eventType,
      rule: p.rule, message: p.message, source_topic: p.positioned.topic, source_partition: p.positioned.partition,
      source_offset: p.positioned.offset,
    }))),
    parkedAt,
  ];
}

function amountOf(event: VoucherEvent): { value: number; currency: string } | undefined {
  return event.eventType === 'voucher.cancelled' ? undefined : event.payload.amount;
}
