import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaAdminService } from '../admin/kafka-admin.service';
import { KafkaConsumerFactory } from '../consumer/kafka-consumer.factory';
import { KafkaProducerService } from '../producer/kafka-producer.service';

/**
 * Up only when the app's own producer and consumers have connected (a broker that answers is no
 * use to a client still stuck reconnecting) and a broker answers a metadata request right now.
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly admin: KafkaAdminService,
    private readonly producer: KafkaProducerService,
    private readonly consumers: KafkaConsumerFactory,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'kafka', timeoutMs = 2_000) {
    const indicator = this.health.check(key);
    const waiting = [
      ...(this.producer.connected ? [] : ['producer']),
      ...this.consumers.consumers.filter((c) => !c.consuming).map((c) => `consumer of group ${c.groupId}`),
    ];
    if (waiting.length > 0) return indicator.down({ message: `not connected yet: ${waiting.join(', ')}` });
    try {
      await this.admin.ping(timeoutMs);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
