import { Injectable, Logger } from '@nestjs/common';
import { ConsumedMessage, KafkaProducerService } from '@voucher-bridge/kafka';
import { VoucherTopics } from '@voucher-bridge/config';
import { maskVoucherCode } from '@voucher-bridge/voucher-contract';

/**
 * `invalid-record`: no event could be read from it (malformed JSON, invalid event, key mismatch);
 * `rule-violation`: a valid event the voucher's state refuses (also in registry_parked_event).
 */
export type DeadLetterReasonClass = 'invalid-record' | 'rule-violation';

export interface DeadLetter {
  message: ConsumedMessage;
  topic: string;
  partition: number;
  reasonClass: DeadLetterReasonClass;
  /** What exactly: the parse failure (`malformed-json`, …) or the rule (`INSUFFICIENT_FUNDS`, …). */
  reason: string;
  detail: string;
  at: Date;
}

/**
 * Parks events that no retry can make valid on `<env>.voucher.dead-letter`, unchanged (same key,
 * same value), with where they came from and why in the headers, so operators can inspect and
 * replay them.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);
  private readonly topic: string;

  constructor(
    private readonly producer: KafkaProducerService,
    topics: VoucherTopics,
  ) {
    this.topic = topics.deadLetter;
  }

  async publish(letters: DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.producer.publish(
      this.topic,
      letters.map(({ message, topic, partition, reasonClass, reason, detail, at }) => ({
        key: message.key ?? '',
        value: message.value ?? '',
        headers: {
          'dead-letter-reason-class': reasonClass,
          'dead-letter-reason': reason,
          'dead-letter-detail': detail.slice(0, 2000),
          'source-topic': topic,
          'source-partition': String(partition),
          'source-offset': message.offset,
          'dead-lettered-at': at.toISOString(),
        },
      })),
    );
    // Where and why only: the record's key and value hold the plain voucher code.
    for (const letter of letters) {
      // The record key is the plain voucher code: only its masked form may be logged.
      const key = letter.message.key?.toString();
      const voucher = key ? ` (voucher ${maskVoucherCode(key)})` : '';
      this.logger.warn(`dead-lettered ${letter.topic}[${letter.partition}]@${letter.message.offset}${voucher}: ${letter.reasonClass} ${letter.reason}`);
    }
  }
}
