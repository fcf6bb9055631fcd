import { randomBytes } from 'node:crypto';

/** Standard Webhooks' prefix: the `standardwebhooks` package strips it and base64-decodes the rest. */
export const SUBSCRIPTION_SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes (the HMAC-SHA256 key), as `whsec_<base64>`. */
export function newSubscriptionSecret(): string {
  return SUBSCRIPTION_SECRET_PREFIX + randomBytes(32).toString('base64');
}
