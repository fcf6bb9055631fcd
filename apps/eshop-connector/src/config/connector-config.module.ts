import { Global, Module } from '@nestjs/common';
import { environmentOf } from '@voucher-bridge/config';
import { ConnectorEnvironment } from './connector.environment';
import { WebhookDeliveryEnvironment } from './webhook-delivery.environment';

/**
 * The connector's own variables, validated at start-up, injectable as `ConnectorEnvironment`;
 * those of the pushes to the shop as `WebhookDeliveryEnvironment`.
 */
@Global()
@Module({
  providers: [environmentOf(ConnectorEnvironment), environmentOf(WebhookDeliveryEnvironment)],
  exports: [ConnectorEnvironment, WebhookDeliveryEnvironment],
})
export class ConnectorConfigModule {}
