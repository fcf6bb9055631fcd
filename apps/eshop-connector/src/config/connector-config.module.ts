import { Global, Module } from '@nestjs/common';
import { environmentOf } from '@voucher-bridge/config';
import { ConnectorEnvironment } from './connector.environment';
import { WebhookDeliveryEnvironment } from './webhook-delivery.environment';
import { WebhookSecretsEnvironment } from './webhook-secrets.environment';

/**
 * The connector's own variables, validated at start-up, injectable as `ConnectorEnvironment`;
 * those of the pushes to the shop as `WebhookDeliveryEnvironment`, the signing secrets' encryption
 * keys as `WebhookSecretsEnvironment`.
 */
@Global()
@Module({
  providers: [environmentOf(ConnectorEnvironment), environmentOf(WebhookDeliveryEnvironment), environmentOf(WebhookSecretsEnvironment)],
  exports: [ConnectorEnvironment, WebhookDeliveryEnvironment, WebhookSecretsEnvironment],
})
export class ConnectorConfigModule {}
