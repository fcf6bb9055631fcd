import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { VoucherEvent, hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { DeliveryEnqueuer } from '../deliveries/enqueue/delivery.enqueuer';
import { LOAD_PROCESSED_EVENT_IDS, LOAD_VOUCHERS_FOR_UPDATE, WRITE_REGISTRY_BATCH } from './registration.sql';
import { PositionedEvent, RegistryBatchPlan, planRegistryBatch } from './state/registry-batch.plan';
import { VoucherState } from './state/voucher-state';

interface VoucherStateRow {
  voucher_code_hash: string;
  status: VoucherState['status'];
  /** int8 arrives as a decimal string from pg. */
  balance_minor: string;
  currency: string;
  issued_at: Date;
  expires_at: Date | null;
  last_sequence: number;
  purchase_fingerprint: string | null;
}

/**
 * The shop-side registry's write side. Vouchers are stored under the hash of their code. A batch
 * is one transaction: load its vouchers (one query), apply the events in memory in order, write
 * everything in one set-based statement — a redelivered event finds its id processed and changes
 * nothing. Plain pg on the shared pool, like the gateway's accepting path: this is the hot path,
 * and Prisma's interactive transactions cost a third of the connector's CPU besides parsing.
 */
@Injectable()
export class VoucherRegistryRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    private readonly deliveries: DeliveryEnqueuer,
  ) {}

  /**
   * `beforeCommit` runs inside the transaction after the writes (the dead letters of parked
   * events): if it fails, nothing is written and the batch is retried, so a parked event is
   * never without its dead-letter record.
   */
  async apply(events: PositionedEvent[], parkedAt: Date, beforeCommit: (plan: RegistryBatchPlan) => Promise<void>): Promise<RegistryBatchPlan> {
    if (events.length === 0) return planRegistryBatch([], new Map(), new Set());
    const hashes = [...new Set(events.map(({ event }) => hashVoucherCode(event.voucherCode)))].sort();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A connection dropped while this transaction waits (e.g. on Kafka for the dead letters)
    // emits 'error' on the checked-out client: unheard, that would end the process.
    const onError = (error: Error) => { broken = error; };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<VoucherStateRow>(LOAD_VOUCHERS_FOR_UPDATE, [hashes]);
      const processed = await client.query<{ event_id: string }>(LOAD_PROCESSED_EVENT_IDS, [events.map(({ event }) => event.eventId)]);
      const plan = planRegistryBatch(events, new Map(rows.map((row) => [row.voucher_code_hash, toState(row)])),
        new Set(processed.rows.map((row) => row.event_id)));
      if (plan.processedEventIds.length > 0) await client.query(WRITE_REGISTRY_BATCH, writeParameters(plan, parkedAt));
      // The shop's pushes for the applied events, durable before the offset moves.
      const enqueued = await this.deliveries.enqueue(client, plan.history);
      await beforeCommit(plan);
      await client.query('COMMIT');
      this.deliveries.committed(enqueued);
      return plan;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}

function toState(row: VoucherStateRow): VoucherState {
  return {
    status: row.status,
    balance: Number(row.balance_minor),
    currency: row.currency,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    sequence: row.last_sequence,
    purchaseFingerprint: row.purchase_fingerprint,
  };
}

function writeParameters({ processedEventIds, vouchers, history, parked }: RegistryBatchPlan, parkedAt: Date): unknown[] {
  return [
    processedEventIds,
    vouchers.map((v) => v.hash),
    vouchers.map((v) => v.masked),
    vouchers.map((v) => v.state.status),
    vouchers.map((v) => v.state.balance),
    vouchers.map((v) => v.state.currency),
    vouchers.map((v) => v.state.issuedAt),
    vouchers.map((v) => v.state.expiresAt),
    vouchers.map((v) => v.lastEventId),
    vouchers.map((v) => v.state.sequence),
    vouchers.map((v) => v.state.purchaseFingerprint),
    history.map((h) => h.hash),
    history.map((h) => h.event.eventId),
    history.map((h) => h.event.eventType),
    history.map((h) => h.event.source.storeId),
    history.map((h) => h.event.source.cashboxId),
    history.map((h) => h.event.occurredAt),
    history.map((h) => h.sequence),
    history.map((h) => amountOf(h.event)?.value ?? null),
    history.map((h) => amountOf(h.event)?.currency ?? null),
    history.map((h) => h.balanceAfter),
    history.map((h) => h.outcome),
    history.map((h) => h.rule),
    parked.map((p) => p.positioned.event.eventId),
    parked.map((p) => p.hash),
    parked.map((p) => p.masked),
    parked.map((p) => p.positioned.event.eventType),
    parked.map((p) => p.rule),
    parked.map((p) => p.message),
    parked.map((p) => p.positioned.topic),
    parked.map((p) => p.positioned.partition),
    parkedAt,
    parked.map((p) => p.positioned.offset),
  ];
}

function amountOf(event: VoucherEvent): { value: number; currency: string } | undefined {
  return event.eventType === 'voucher.cancelled' ? undefined : event.payload.amount;
}
