import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { ConnectorStatusIndicator } from './connector-status.health';
import { ConnectorStatusService } from './connector-status.service';
import { operationsMetrics } from './operations.metrics';

/** The connector's status for /health/ready and its gauges on /metrics. */
@Module({
  imports: [RegistrationModule],
  providers: [ConnectorStatusService, ConnectorStatusIndicator, ...operationsMetrics],
  exports: [ConnectorStatusIndicator, ConnectorStatusService],
})
export class OperationsModule {}
