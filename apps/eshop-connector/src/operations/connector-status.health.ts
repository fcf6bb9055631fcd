import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { ConnectorStatusService } from './connector-status.service';

/**
 * Readiness details of the connector's work: consumer and partitions, lag, the oldest parked
 * dead letter, failing subscriptions. Information for operators, always `up`: what makes the
 * connector unable to work (database, Kafka, a consumer not connected) has checks of its own.
 */
@Injectable()
export class ConnectorStatusIndicator {
  constructor(private readonly status: ConnectorStatusService) {}

  async details(): Promise<HealthIndicatorResult> {
    const { consumer, deadLetters, subscriptions } = await this.status.status();
    return {
      consumer: { status: 'up', ...consumer },
      deadLetters: { status: 'up', ...deadLetters },
      subscriptions: { status: 'up', ...subscriptions },
    };
  }
}
