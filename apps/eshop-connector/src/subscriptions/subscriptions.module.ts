import { Module } from '@nestjs/common';
import { VoucherEnvironment, environmentOf } from '@voucher-bridge/config';
import { subscriptionSecretCipherProvider } from './subscription-secret-cipher.provider';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { SubscriptionSecretResealer } from './subscription-secret.resealer';
import { SubscriptionSecretsReader } from './subscription-secrets.reader';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/**
 * The shop's webhook subscriptions; exports the cipher the delivery engine opens the signing
 * secrets with (and the secrets reader).
 */
@Module({
  controllers: [SubscriptionsController],
  providers: [
    environmentOf(VoucherEnvironment), SubscriptionsRepository, SubscriptionsService, SubscriptionSecretsReader,
    subscriptionSecretCipherProvider, SubscriptionSecretResealer,
  ],
  exports: [SubscriptionSecretsReader, SubscriptionSecretCipher],
})
export class SubscriptionsModule {}
