import { Injectable, Logger } from '@nestjs/common';
import { KafkaProducerService } from '@voucher-bridge/kafka';
import { VoucherTopics } from '@voucher-bridge/config';
import { maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { ParkedDeadLetter } from './dead-letter.draft';

/** A parked record with its bytes, as it goes to the dead-letter topic. */
export interface DeadLetter {
  parked: ParkedDeadLetter;
  key: Buffer | string | null;
  value: Buffer | string | null;
  at: Date;
}

/**
 * Parks records that no retry can make valid on `<env>.voucher.dead-letter`, unchanged (same key,
 * same value), with where they came from, why and how often they were tried in the headers; the
 * same dead letter is a registry_dead_letter row (`dead-letter-id`), which operators replay.
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
      letters.map(({ parked, key, value, at }) => ({
        key: key ?? '',
        value: value ?? '',
        headers: {
          'dead-letter-id': `rec_${parked.id}`,
          'dead-letter-reason-class': parked.reasonClass,
          'dead-letter-reason': parked.reason,
          'dead-letter-detail': parked.detail.slice(0, 2000),
          'dead-letter-attempts': String(parked.attempts),
          'source-topic': parked.topic,
          'source-partition': String(parked.partition),
          'source-offset': parked.offset,
          'dead-lettered-at': at.toISOString(),
        },
      })),
    );
    // Where and why only: the record's key and value hold the plain voucher code.
    for (const { parked } of letters) {
      // The record key is the plain voucher code: only its masked form may be logged.
      const voucher = parked.key ? ` (voucher ${maskVoucherCode(parked.key)})` : '';
      this.logger.warn(`dead-lettered ${parked.topic}[${parked.partition}]@${parked.offset}${voucher}: ${parked.reasonClass} ${parked.reason} (attempt ${parked.attempts})`);
    }
  }
}
