import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConsumedMessage, KafkaProducerService } from '@voucher-bridge/kafka';
import { maskVoucherCode, voucherDeadLetterTopic } from '@voucher-bridge/voucher-contract';

export interface DeadLetter {
  message: ConsumedMessage;
  topic: string;
  partition: number;
  reason: string;
  detail: string;
}

/**
 * Parks events that no retry can make valid on `<env>.voucher.dead-letter`, unchanged, with
 * where they came from and why in the headers, so operators can inspect and replay them.
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
      letters.map(({ message, topic, partition, reason, detail }) => ({
        key: message.key ?? '',
        value: message.value ?? '',
        headers: {
          'dead-letter-reason': reason,
          'dead-letter-detail': detail.slice(0, 2000),
          'source-topic': topic,
          'source-partition': String(partition),
          'source-offset': message.offset,
          'dead-lettered-at': new Date().toISOString(),
        },
      })),
    );
    for (const letter of letters) {
      // The record key is the plain voucher code: only its masked form may be logged.
      const key = letter.message.key?.toString();
      const voucher = key ? ` (voucher ${maskVoucherCode(key)})` : '';
      this.logger.warn(`dead-lettered ${letter.topic}[${letter.partition}]@${letter.message.offset}${voucher}: ${letter.reason}`);
    }
  }
}
