import { Module } from '@nestjs/common';
import { VoucherEnvironment, environmentOf } from '@voucher-bridge/config';
import { SubscriptionSecretsReader } from './subscription-secrets.reader';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** The shop's webhook subscriptions; exports the secrets reader the delivery engine signs with. */
@Module({
  controllers: [SubscriptionsController],
  providers: [environmentOf(VoucherEnvironment), SubscriptionsRepository, SubscriptionsService, SubscriptionSecretsReader],
  exports: [SubscriptionSecretsReader],
})
export class SubscriptionsModule {}
