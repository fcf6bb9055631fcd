import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PRODUCE_ACK_TIMEOUT_MS } from '../config/broker-connection.settings';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { KAFKA_CLIENT } from '../kafka.constants';
import { connectWithRetry } from '../retry/connect-with-retry';

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
  private producer?: KafkaJS.Producer;
  private connecting?: Promise<unknown>;
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaJS.Kafka,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  /** True once the producer has reached the cluster; librdkafka reconnects on its own after that. */
  get connected(): boolean {
    return this.producer !== undefined;
  }

  /** Connects in the background: an app must start and keep accepting while Kafka is down. */
  onModuleInit(): void {
    this.connecting = connectWithRetry(() => this.createProducer(), {
      what: 'connect the Kafka producer',
      logger: this.logger,
      signal: this.shutdown.signal,
      maxDelayMs: 2_000,
    }).then((producer) => {
      this.producer = producer;
      this.logger.log('producer connected');
    }, () => undefined);
  }

  /** Rejects at once while the producer has never reached the cluster: callers retry later. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<KafkaJS.RecordMetadata[]> {
    if (messages.length === 0) return [];
    if (!this.producer) throw new Error('Kafka producer is not connected yet');
    return this.producer.send({ topic, messages });
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connecting;
    await this.producer?.flush({ timeout: 10_000 }).catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private createProducer(): KafkaJS.Producer {
    return this.kafka.producer({
      kafkaJS: { idempotent: true, acks: -1, compression: KafkaJS.CompressionTypes.LZ4 },
      'linger.ms': this.options.lingerMs ?? 5,
      'message.timeout.ms': this.options.deliveryTimeoutMs ?? 30_000,
      'request.timeout.ms': PRODUCE_ACK_TIMEOUT_MS,
    });
  }
}
