import { createHash } from 'node:crypto';

/** An AES-256 key and the id stored with every ciphertext it seals. */
export interface CipherKey {
  /** 16 hex digits of the key's SHA-256: derived, so an id can never name two different keys. */
  readonly id: string;
  readonly bytes: Buffer;
}

/** 32 bytes in standard base64, as `openssl rand -base64 32` prints them. */
export const CIPHER_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

export function cipherKey(base64: string): CipherKey {
  if (!CIPHER_KEY_PATTERN.test(base64)) throw new Error('a cipher key is 32 bytes in base64 (openssl rand -base64 32)');
  const bytes = Buffer.from(base64, 'base64');
  return { id: keyIdOf(bytes), bytes };
}

/** Comma-separated keys (spaces allowed around the commas); empty or unset: none. */
export function cipherKeys(list: string | undefined): CipherKey[] {
  return (list ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '').map(cipherKey);
}

/** A key derived from a public label: for development only, it protects nothing. */
export function derivedCipherKey(label: string): CipherKey {
  const bytes = createHash('sha256').update(label).digest();
  return { id: keyIdOf(bytes), bytes };
}

function keyIdOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
