import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DEFAULT_DELIVERY_TIMEOUT_MS, PRODUCE_ACK_TIMEOUT_MS } from '../config/broker-connection.settings';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { KAFKA_CLIENT } from '../kafka.constants';
import { connectWithRetry } from '../retry/connect-with-retry';

export interface OutgoingMessage {
  key: string | Buffer;
  value: string | Buffer;
  headers?: Record<string, string>;
  /** The partition it must land on; left out, its key's (`keyPartition`, librdkafka's default partitioner). */
  partition?: number;
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

  /**
   * True while a producer has reached the cluster (librdkafka reconnects on its own after that);
   * false before the first connect and while a new one replaces a producer whose delivery timed out.
   */
  get connected(): boolean {
    return this.producer !== undefined;
  }

  /** Connects in the background: an app must start and keep accepting while Kafka is down. */
  onModuleInit(): void {
    this.connectInBackground();
  }

  private connectInBackground(): void {
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

  /**
   * Rejects at once while no producer is connected (before the first connect, and while one
   * replaces a producer whose delivery timed out): callers retry later.
   */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<KafkaJS.RecordMetadata[]> {
    if (messages.length === 0) return [];
    const producer = this.producer;
    if (!producer) throw new Error('Kafka producer is not connected yet');
    try {
      return await producer.send({ topic, messages });
    } catch (error) {
      if (isDeliveryTimeout(error)) this.replace(producer);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connecting;
    await this.producer?.flush({ timeout: 10_000 }).catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  /**
   * A delivery that timed out may have waited on broker connections that went silent. librdkafka
   * finds each such connection out only when a request on it times out, and the idempotent
   * producer then drains its other requests and fetches a new epoch, on connections that may be
   * silent too: the connector's dead-letter publishes failed for 40 s after a chaos run silenced
   * every broker connection. A new producer opens new connections to every broker (milliseconds
   * when the cluster is fine; retried with backoff while it is away).
   */
  private replace(stale: KafkaJS.Producer): void {
    if (this.producer !== stale || this.shutdown.signal.aborted) return;
    this.producer = undefined;
    this.logger.warn('a delivery timed out: replacing the producer (new connections to every broker)');
    void stale.disconnect().catch(() => undefined);
    this.connectInBackground();
  }

  private createProducer(): KafkaJS.Producer {
    return this.kafka.producer({
      kafkaJS: { idempotent: true, acks: -1, compression: KafkaJS.CompressionTypes.LZ4 },
      'linger.ms': this.options.lingerMs ?? 5,
      'message.timeout.ms': this.options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      'request.timeout.ms': PRODUCE_ACK_TIMEOUT_MS,
    });
  }
}

function isDeliveryTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === KafkaJS.ErrorCodes.ERR__MSG_TIMED_OUT || code === KafkaJS.ErrorCodes.ERR__TIMED_OUT;
}
