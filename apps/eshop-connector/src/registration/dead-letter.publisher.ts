import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConsumedMessage, KafkaProducerService } from '@voucher-bridge/kafka';
import { voucherDeadLetterTopic } from '@voucher-bridge/voucher-contract';

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
    config: ConfigService,
  ) {
    this.topic = voucherDeadLetterTopic(config.getOrThrow<string>('VOUCHER_ENV'));
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
      this.logger.warn(`dead-lettered ${letter.topic}[${letter.partition}]@${letter.message.offset}: ${letter.reasonClass} ${letter.reason}`);
    }
  }
}
