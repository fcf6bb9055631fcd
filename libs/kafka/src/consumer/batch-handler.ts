import { KafkaJS } from '@confluentinc/kafka-javascript';

/** One record as consumed: key and value are raw bytes, offset a decimal string. */
export type ConsumedMessage = KafkaJS.KafkaMessage;

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: ConsumedMessage[];
}

/**
 * Processes one partition's batch completely. Resolving means every message is done (its
 * effect committed or dead-lettered): only then is the offset stored for the next commit.
 * Throwing means "try the same batch again later". A batch may be handed over again after a
 * crash even when it resolved (its offset not yet committed): the handler must recognise it.
 */
export type BatchHandler = (batch: ConsumedBatch) => Promise<void>;

export interface BatchConsumerOptions {
  groupId: string;
  topics: string[];
  handleBatch: BatchHandler;
  /** Partitions processed at once; batches of one partition are always handled in order. */
  partitionsConsumedConcurrently?: number;
  maxBatchSize?: number;
  /** How often librdkafka reports the member's per-partition lag (`BatchConsumer.lag()`); 0: never. */
  statisticsIntervalMs?: number;
}
