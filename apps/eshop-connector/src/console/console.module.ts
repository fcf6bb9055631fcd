import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { ConsolePageController } from './console-page.controller';
import { GatewayHealthClient } from './gateway-health.client';
import { OperationsOverviewService } from './operations-overview.service';
import { OperationsController } from './operations.controller';
import { VoucherTraceService } from './voucher-trace.service';

/**
 * The operations console (`/console`) and the operator endpoints it reads beyond the dead-letter
 * API: the overview and the trace of one voucher. It lives in the connector because the
 * operators' API (dead letters, audit) does; the gateway's side is read from the shared database
 * (outbox, accepted events) and its own readiness endpoint (`GATEWAY_URL`).
 */
@Module({
  imports: [OperationsModule],
  controllers: [ConsolePageController, OperationsController],
  providers: [GatewayHealthClient, OperationsOverviewService, VoucherTraceService],
})
export class ConsoleModule {}
