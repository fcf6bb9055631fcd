import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaAdminService } from '../admin/kafka-admin.service';

/** Ready only when a broker answers a metadata request right now. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly admin: KafkaAdminService,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'kafka', timeoutMs = 2_000) {
    const indicator = this.health.check(key);
    try {
      await this.admin.ping(timeoutMs);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
