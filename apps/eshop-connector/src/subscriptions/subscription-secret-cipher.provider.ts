import { Logger, Provider } from '@nestjs/common';
import { VoucherEnvironment, isProductionEnvironment } from '@voucher-bridge/config';
import { SecretCipher, cipherKey, cipherKeys, derivedCipherKey } from '@voucher-bridge/secret-cipher';
import { WebhookSecretsEnvironment } from '../config/webhook-secrets.environment';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';

/** Public on purpose: outside prod it stands in for a missing key, and protects nothing. */
const DEVELOPMENT_KEY = derivedCipherKey('voucher-bridge development key for webhook signing secrets (not a secret)');

/**
 * The cipher from WEBHOOK_SECRET_ENCRYPTION_KEY and _PREVIOUS_KEYS. The environment class refuses
 * to start in prod without a key; elsewhere a missing key is the development key, with a warning.
 * Outside prod the development key always opens, so secrets sealed before a key was configured
 * are sealed again under it rather than lost.
 */
export const subscriptionSecretCipherProvider: Provider = {
  provide: SubscriptionSecretCipher,
  inject: [WebhookSecretsEnvironment, VoucherEnvironment],
  useFactory: (env: WebhookSecretsEnvironment, voucher: VoucherEnvironment) => {
    const production = isProductionEnvironment(voucher.VOUCHER_ENV);
    const previous = cipherKeys(env.WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS);
    if (env.WEBHOOK_SECRET_ENCRYPTION_KEY) {
      const current = cipherKey(env.WEBHOOK_SECRET_ENCRYPTION_KEY);
      return new SubscriptionSecretCipher(new SecretCipher(current, production ? previous : [...previous, DEVELOPMENT_KEY]));
    }
    // Unreachable in prod (validated at start-up); kept as a second lock.
    if (production) throw new Error('WEBHOOK_SECRET_ENCRYPTION_KEY: required when VOUCHER_ENV is prod');
    new Logger('SubscriptionSecretCipher').warn('WEBHOOK_SECRET_ENCRYPTION_KEY is not set: webhook signing secrets are encrypted '
      + `under the public development key ${DEVELOPMENT_KEY.id}, which protects nothing. Set it (openssl rand -base64 32) outside development.`);
    return new SubscriptionSecretCipher(new SecretCipher(DEVELOPMENT_KEY, previous));
  },
};
