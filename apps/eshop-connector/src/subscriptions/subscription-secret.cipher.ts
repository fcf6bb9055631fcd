import { SecretCipher } from '@voucher-bridge/secret-cipher';
import { SUBSCRIPTION_SECRET_PREFIX } from './subscription-secret';

/**
 * Signing secrets as webhook_subscription_secret keeps them: sealed (AES-256-GCM) with the
 * subscription's id as the authenticated context, so a sealed secret copied to another
 * subscription's row does not open. Rows written before encryption hold the clear `whsec_…`
 * secret: they still open (as themselves) until `SubscriptionSecretResealer` seals them.
 */
export class SubscriptionSecretCipher {
  constructor(private readonly cipher: SecretCipher) {}

  seal(subscriptionId: string, secret: string): string {
    return this.cipher.seal(secret, subscriptionId);
  }

  /** Throws `SecretCipherError` (naming at most the key id) when the row cannot be opened. */
  open(subscriptionId: string, stored: string): string {
    return isClear(stored) ? stored : this.cipher.open(stored, subscriptionId);
  }

  /** Clear, or sealed under a key that is no longer the current one. */
  needsSealing(stored: string): boolean {
    return !this.cipher.isCurrent(stored);
  }

  get currentKeyId(): string {
    return this.cipher.currentKeyId;
  }
}

export function isClear(stored: string): boolean {
  return stored.startsWith(SUBSCRIPTION_SECRET_PREFIX);
}
