import { Injectable } from '@nestjs/common';
import { ProblemException, RequestLog } from '@voucher-bridge/http';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { VoucherTopics } from '@voucher-bridge/config';
import { hashVoucherCode, maskVoucherCode, newEventId, voucherEventRecord } from '@voucher-bridge/voucher-contract';
import { OutboxWakeup } from '../outbox/outbox-wakeup';
import { PURCHASES_TOTAL } from './purchase.metrics';
import { PurchaseOutboxRepository } from './purchase-outbox.repository';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import type { VoucherEventAcceptedDto } from '../voucher-events/voucher-event-accepted.dto';
import { purchaseRequestHash, toVoucherPurchasedEvent } from './voucher-purchased-event.mapper';

/**
 * Turns a cashbox's purchase into a `voucher.purchased` event and stores both durably.
 * Kafka is not involved: the outbox relay publishes later, so accepting works while it is down.
 */
@Injectable()
export class AcceptVoucherPurchaseService {
  private readonly topic: string;

  constructor(
    private readonly repository: PurchaseOutboxRepository,
    private readonly outboxWakeup: OutboxWakeup,
    @InjectMetric(PURCHASES_TOTAL) private readonly purchases: Counter<'outcome'>,
    private readonly requestLog: RequestLog,
    topics: VoucherTopics,
  ) {
    this.topic = topics.events;
  }

  /** `apiKeyId` and `idempotencyKey` (null without the header) make a retry answer like the original. */
  async accept(request: VoucherPurchaseRequestDto, apiKeyId: string, idempotencyKey: string | null): Promise<VoucherEventAcceptedDto> {
    const event = toVoucherPurchasedEvent(request, newEventId(), new Date());
    const record = voucherEventRecord(event);
    const voucherCodeMasked = maskVoucherCode(request.voucherCode);
    const result = await this.repository.save({
      eventId: event.eventId,
      voucherCodeHash: hashVoucherCode(request.voucherCode),
      voucherCodeMasked,
      amountMinor: request.amount.value,
      currency: request.amount.currency,
      storeId: request.storeId,
      cashboxId: request.cashboxId,
      receiptNumber: request.receiptNumber,
      purchasedAt: request.purchasedAt,
      expiresAt: request.expiresAt ?? null,
      topic: this.topic,
      messageKey: record.key,
      payload: record.value,
      headers: record.headers,
      apiKeyId,
      idempotencyKey,
      requestHash: purchaseRequestHash(request),
    }).catch((error: unknown) => {
      this.requestLog.annotate({ voucherCodeMasked });
      throw error;
    });
    this.purchases.inc({ outcome: result.outcome });
    // Once per request (each annotation costs a child logger). A retry answers with the original
    // event's id: that is the one to find in the logs.
    this.requestLog.annotate('eventId' in result ? { voucherCodeMasked, eventId: result.eventId } : { voucherCodeMasked });
    if (result.outcome === 'conflict') {
      throw ProblemException.of(409, 'voucher-code-taken', 'Voucher code already sold',
        'This voucher code was already sold on another receipt.', { field: 'voucherCode' });
    }
    if (result.outcome === 'key-reused') {
      throw ProblemException.of(422, 'idempotency-key-reused', 'Idempotency-Key reused',
        'This Idempotency-Key was sent before with a different request; use a new key for a new request.',
        { field: 'Idempotency-Key' });
    }
    if (result.outcome === 'accepted') this.outboxWakeup.accepted();
    return { eventId: result.eventId, status: 'accepted' };
  }
}
