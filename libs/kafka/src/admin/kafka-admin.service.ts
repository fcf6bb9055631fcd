import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { KAFKA_MODULE_OPTIONS } from '../config/kafka.module-definition';
import type { KafkaModuleOptions, KafkaTopicSpec } from '../config/kafka-module.options';
import { KAFKA_CLIENT } from '../kafka.constants';
import { retryWithBackoff } from '../retry/retry-with-backoff';

/**
 * Creates the configured topics at start-up (retrying in the background while the cluster is
 * unreachable) and answers whether the cluster can be reached right now.
 */
@Injectable()
export class KafkaAdminService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaAdminService.name);
  private readonly admin: KafkaJS.Admin;
  private readonly shutdown = new AbortController();
  private connected?: Promise<void>;
  private topicsReady?: Promise<void>;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: KafkaJS.Kafka,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {
    this.admin = kafka.admin();
  }

  onModuleInit(): void {
    const signal = this.shutdown.signal;
    this.connected = retryWithBackoff(() => this.admin.connect(), {
      what: 'connect the Kafka admin client', logger: this.logger, signal, maxDelayMs: 5_000,
    });
    this.topicsReady = this.connected.then(() =>
      retryWithBackoff(() => this.createMissingTopics(this.options.topics ?? []), {
        what: 'create topics', logger: this.logger, signal, maxDelayMs: 5_000,
      }),
    );
    this.topicsReady.catch(() => undefined);
  }

  /** Resolves once every configured topic exists. */
  async whenTopicsReady(): Promise<void> {
    await this.topicsReady;
  }

  /** Asks the cluster for its topics: throws when no broker answers within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    if (!this.connected) throw new Error('Kafka admin client is not started');
    await withTimeout(this.connected, timeoutMs, 'connecting to Kafka');
    await withTimeout(this.admin.listTopics({ timeout: timeoutMs }), timeoutMs, 'listing topics');
  }

  private async createMissingTopics(topics: KafkaTopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const existing = new Set(await this.admin.listTopics({ timeout: 5_000 }));
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return;
    await this.admin.createTopics({ topics: missing, timeout: 10_000 });
    this.logger.log(`created topics ${missing.map((spec) => spec.topic).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connected?.then(() => this.admin.disconnect()).catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
