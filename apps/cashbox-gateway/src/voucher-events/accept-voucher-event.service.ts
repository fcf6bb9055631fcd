import { Injectable } from '@nestjs/common';
import { ProblemException, RequestLog } from '@voucher-bridge/http';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { VoucherTopics } from '@voucher-bridge/config';
import { hashVoucherCode, maskVoucherCode, VoucherCancelledEvent, VoucherRedeemedEvent, voucherEventRecord } from '@voucher-bridge/voucher-contract';
import { OutboxWakeup } from '../outbox/outbox-wakeup';
import { VoucherEventAcceptedDto } from './voucher-event-accepted.dto';
import { VoucherEventOutboxRepository } from './voucher-event-outbox.repository';
import { VOUCHER_EVENTS_TOTAL } from './voucher-event.metrics';

export interface AcceptedRequest {
  event: VoucherRedeemedEvent | VoucherCancelledEvent;
  receiptNumber: string;
  requestHash: string;
  apiKeyId: string;
  idempotencyKey: string | null;
}

/**
 * Stores a redemption or cancellation durably with its outbox row. Kafka is not involved: the
 * relay publishes later. Whether the voucher can be redeemed is the registry's business (it
 * knows the balance); the gateway records what the cashbox did.
 */
@Injectable()
export class AcceptVoucherEventService {
  private readonly topic: string;

  constructor(
    private readonly repository: VoucherEventOutboxRepository,
    private readonly outboxWakeup: OutboxWakeup,
    @InjectMetric(VOUCHER_EVENTS_TOTAL) private readonly answered: Counter<'event_type' | 'outcome'>,
    private readonly requestLog: RequestLog,
    topics: VoucherTopics,
  ) {
    this.topic = topics.events;
  }

  async accept({ event, receiptNumber, requestHash, apiKeyId, idempotencyKey }: AcceptedRequest): Promise<VoucherEventAcceptedDto> {
    const voucherCodeMasked = maskVoucherCode(event.voucherCode);
    const result = await this.repository.save({
      eventId: event.eventId,
      eventType: event.eventType,
      voucherCodeHash: hashVoucherCode(event.voucherCode),
      voucherCodeMasked,
      storeId: event.source.storeId,
      cashboxId: event.source.cashboxId,
      receiptNumber,
      requestHash,
      topic: this.topic,
      message: voucherEventRecord(event),
      apiKeyId,
      idempotencyKey,
    }).catch((error: unknown) => {
      this.requestLog.annotate({ voucherCodeMasked });
      throw error;
    });
    this.answered.inc({ event_type: event.eventType, outcome: result.outcome });
    // Once per request (each annotation costs a child logger). A retry answers with the original
    // event's id: that is the one to find in the logs.
    this.requestLog.annotate('eventId' in result ? { voucherCodeMasked, eventId: result.eventId } : { voucherCodeMasked });
    switch (result.outcome) {
      case 'accepted':
        this.outboxWakeup.accepted();
        return { eventId: result.eventId, status: 'accepted' };
      case 'duplicate':
        return { eventId: result.eventId, status: 'accepted' };
      case 'conflict':
        throw ProblemException.of(409, 'receipt-conflict', 'Receipt already recorded',
          `This receipt already recorded a different ${event.eventType} of this voucher.`, { field: 'receiptNumber' });
      case 'key-reused':
        throw ProblemException.of(422, 'idempotency-key-reused', 'Idempotency-Key reused',
          'This Idempotency-Key was sent before with a different request; use a new key for a new request.',
          { field: 'Idempotency-Key' });
    }
  }
}
