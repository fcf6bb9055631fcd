import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { ProblemException } from '@voucher-bridge/http';
import { hashVoucherCode, maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { TraceDeliveryDto, TraceEventDto, VoucherTraceDto } from './voucher-trace.response.dto';
import { TRACE_DELIVERIES, TRACE_EVENTS, TRACE_VOUCHER } from './voucher-trace.sql';

interface TraceEventRow {
  event_id: string; event_type: string; store_id: string; cashbox_id: string; receipt_number: string | null; accepted_at: Date | null;
  outbox_pending: boolean; topic: string | null; kafka_partition: number | null; kafka_offset: string | null; published_at: Date | null;
  outcome: string | null; sequence: number | null; balance_after_minor: string | null; currency: string | null; rule: string | null; recorded_at: Date | null;
  dead_letter_id: string | null; reason: string | null; dead_letter_status: string | null;
}

interface TraceDeliveryRow {
  event_id: string; subscription_id: string; url: string; status: string; attempts: number;
  last_status: number | null; last_error: string | null; last_attempt_at: Date | null; delivered_at: Date | null;
}

/** Follows one voucher's events from the cashbox to the shop's endpoints. */
@Injectable()
export class VoucherTraceService {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async trace(voucherCode: string): Promise<VoucherTraceDto> {
    const hash = hashVoucherCode(voucherCode);
    const [events, voucher, deliveries] = await Promise.all([
      this.pool.query<TraceEventRow>(TRACE_EVENTS, [hash]),
      this.pool.query<{ voucher_code_masked: string; status: string; balance_minor: string; currency: string }>(TRACE_VOUCHER, [hash]),
      this.pool.query<TraceDeliveryRow>(TRACE_DELIVERIES, [hash]),
    ]);
    if (events.rows.length === 0 && voucher.rows.length === 0) {
      throw ProblemException.of(404, 'voucher-not-found', 'Voucher not found',
        'No event of a voucher with this code was accepted or registered.', { field: 'voucherCode' });
    }
    const byEvent = new Map<string, TraceDeliveryDto[]>();
    for (const row of deliveries.rows) {
      const list = byEvent.get(row.event_id) ?? [];
      list.push({
        subscriptionId: row.subscription_id, url: row.url, status: row.status, attempts: row.attempts, lastStatus: row.last_status,
        lastError: row.last_error, lastAttemptAt: row.last_attempt_at?.toISOString() ?? null, deliveredAt: row.delivered_at?.toISOString() ?? null,
      });
      byEvent.set(row.event_id, list);
    }
    const [registered] = voucher.rows;
    return {
      voucherCode: registered?.voucher_code_masked ?? maskVoucherCode(voucherCode),
      voucher: registered ? { status: registered.status, balance: Number(registered.balance_minor), currency: registered.currency } : null,
      events: events.rows.map((row) => toTraceEvent(row, byEvent.get(row.event_id) ?? [])),
    };
  }
}

function toTraceEvent(row: TraceEventRow, deliveries: TraceDeliveryDto[]): TraceEventDto {
  return {
    eventId: row.event_id,
    type: row.event_type,
    accepted: row.accepted_at && { store: row.store_id, cashbox: row.cashbox_id, receiptNumber: row.receipt_number ?? '', at: row.accepted_at.toISOString() },
    inOutbox: row.outbox_pending,
    published: row.topic !== null && row.kafka_partition !== null && row.kafka_offset !== null && row.published_at
      ? { topic: row.topic, partition: row.kafka_partition, offset: row.kafka_offset, at: row.published_at.toISOString() }
      : null,
    registered: row.outcome !== null && row.recorded_at
      ? {
        outcome: row.outcome, sequence: row.sequence, balanceAfter: row.balance_after_minor === null ? null : Number(row.balance_after_minor),
        currency: row.currency, rule: row.rule, at: row.recorded_at.toISOString(),
      }
      : null,
    deadLetter: row.dead_letter_id && row.reason && row.dead_letter_status ? { id: row.dead_letter_id, reason: row.reason, status: row.dead_letter_status } : null,
    deliveries,
  };
}
