import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { KAFKA_CLIENT } from '../kafka.constants';
import { retryWithBackoff } from '../retry/retry-with-backoff';

export interface OutgoingMessage {
  key: string | Buffer;
  value: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * The one idempotent producer (acks=all) of an app. `publish` resolves only when the broker
 * acknowledged every message and rejects otherwise, so callers can mark work done safely.
 */
@Injectable()
export class KafkaProducerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducerService.name);
  private readonly producer: KafkaJS.Producer;
  private connected?: Promise<void>;
  private isConnected = false;
  private readonly shutdown = new AbortController();

  constructor(@Inject(KAFKA_CLIENT) kafka: KafkaJS.Kafka, @Inject(KAFKA_MODULE_OPTIONS) options: KafkaModuleOptions) {
    this.producer = kafka.producer({
      kafkaJS: { idempotent: true, acks: -1, compression: KafkaJS.CompressionTypes.LZ4 },
      'linger.ms': options.lingerMs ?? 5,
      'message.timeout.ms': options.deliveryTimeoutMs ?? 30_000,
    });
  }

  /** Connects in the background: an app must start and keep accepting while Kafka is down. */
  onModuleInit(): void {
    this.connected = retryWithBackoff(() => this.producer.connect(), {
      what: 'connect the Kafka producer',
      logger: this.logger,
      signal: this.shutdown.signal,
      maxDelayMs: 5_000,
    });
    this.connected.then(() => (this.isConnected = true), () => undefined);
  }

  /** Rejects at once while the producer has never reached the cluster: callers retry later. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<KafkaJS.RecordMetadata[]> {
    if (messages.length === 0) return [];
    if (!this.isConnected) throw new Error('Kafka producer is not connected yet');
    return this.producer.send({ topic, messages });
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connected?.catch(() => undefined);
    await this.producer.flush({ timeout: 10_000 }).catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
  }
}
