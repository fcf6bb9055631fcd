import { SecretCipher } from '@voucher-bridge/secret-cipher';
import { SUBSCRIPTION_SECRET_PREFIX } from './subscription-secret';

/** Opened secrets kept (a subscription's secret signs every one of its deliveries); emptied when full. */
const OPENED_KEPT = 1_000;

/**
 * Signing secrets as webhook_subscription_secret keeps them: sealed (AES-256-GCM) with the
 * subscription's id as the authenticated context, so a sealed secret copied to another
 * subscription's row does not open. Rows written before encryption hold the clear `whsec_…`
 * secret: they still open (as themselves) until `SubscriptionSecretResealer` seals them.
 */
export class SubscriptionSecretCipher {
  // Opening costs ~20 µs of CPU, more than the HMAC it serves; the clear secret is in this process's
  // memory while it signs anyway (and the key always is).
  private readonly opened = new Map<string, string>();

  constructor(private readonly cipher: SecretCipher) {}

  seal(subscriptionId: string, secret: string): string {
    return this.cipher.seal(secret, subscriptionId);
  }

  /** Throws `SecretCipherError` (naming at most the key id) when the row cannot be opened. */
  open(subscriptionId: string, stored: string): string {
    if (isClear(stored)) return stored;
    const id = `${subscriptionId} ${stored}`;
    let secret = this.opened.get(id);
    if (secret === undefined) {
      secret = this.cipher.open(stored, subscriptionId);
      if (this.opened.size >= OPENED_KEPT) this.opened.clear();
      this.opened.set(id, secret);
    }
    return secret;
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
