import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable } from '@nestjs/common';
import { KafkaAdminService } from '../admin/kafka-admin.service';
import { KAFKA_CLIENT } from '../kafka.constants';
import { BatchConsumer } from './batch-consumer';
import { BatchConsumerOptions } from './batch-handler';

/** Builds group consumers with offsets committed only after processing (auto-commit off). */
@Injectable()
export class KafkaConsumerFactory {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaJS.Kafka,
    private readonly admin: KafkaAdminService,
  ) {}

  createBatchConsumer(options: BatchConsumerOptions): BatchConsumer {
    const consumer = this.kafka.consumer({
      kafkaJS: {
        groupId: options.groupId,
        autoCommit: false,
        fromBeginning: true,
        partitionAssigners: [KafkaJS.PartitionAssigners.cooperativeSticky],
      },
      'js.consumer.max.batch.size': options.maxBatchSize ?? 500,
      // librdkafka prefetches up to 64 MiB by default; 16 MiB keeps a busy consumer far ahead
      // of the database and the process small.
      'queued.max.messages.kbytes': 16_384,
    });
    // Subscribing to a topic that does not exist yet would leave the member idle until the next
    // metadata refresh (minutes): wait until start-up created the topics.
    return new BatchConsumer(consumer, options, () => this.admin.whenTopicsReady());
  }
}
