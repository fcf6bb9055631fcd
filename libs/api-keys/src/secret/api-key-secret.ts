import { hash, randomBytes } from 'node:crypto';

/** What a key is for; the prefix of its secret says so, which helps anyone who finds one in a log. */
export type ApiKeyKind = 'cashbox' | 'shop' | 'operator';

const PREFIX: Record<ApiKeyKind, string> = { cashbox: 'vbk_cashbox_', shop: 'vbk_shop_', operator: 'vbk_op_' };

export interface NewApiKeySecret {
  /** Shown once, at creation; never stored. */
  secret: string;
  /** Stored: SHA-256 of the secret. */
  hash: string;
  /** Stored and listed, to tell keys apart: the prefix and the first characters of the secret. */
  hint: string;
}

/**
 * A new random key. 32 random bytes make guessing hopeless, so a fast hash (SHA-256) is enough to
 * store it: a slow password hash would only cost every request a lot of CPU.
 */
export function newApiKeySecret(kind: ApiKeyKind): NewApiKeySecret {
  const secret = PREFIX[kind] + randomBytes(32).toString('base64url');
  return { secret, hash: hashApiKeySecret(secret), hint: `${secret.slice(0, PREFIX[kind].length + 4)}…` };
}

export function hashApiKeySecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
