import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CipherKey } from './cipher-key';

const VERSION = 'sc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a stored value could not be opened; never carries the value itself. */
export class SecretCipherError extends Error {
  override readonly name = 'SecretCipherError';
}

/**
 * Seals short secrets for storage with AES-256-GCM (authenticated: a changed byte, a value moved
 * to another context or the wrong key fails instead of decrypting to garbage). The sealed form is
 * `sc1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts): the key id picks the key to open it
 * with, so keys can rotate — seal with the current one, open with it or any previous one.
 * `context` (e.g. the owning row's id) is authenticated, not stored: the same context must be given
 * to open.
 */
export class SecretCipher {
  private readonly keys: ReadonlyMap<string, CipherKey>;

  constructor(private readonly current: CipherKey, previous: readonly CipherKey[] = []) {
    this.keys = new Map([...previous, current].map((key) => [key.id, key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(this.current.id, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.current.id, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
  }

  open(sealed: string, context: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretCipherError('not a sealed value');
    const [, keyId, iv, ciphertext, tag] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new SecretCipherError(`sealed under key ${keyId}, which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Node's message says nothing useful either ("Unsupported state or unable to authenticate data").
      throw new SecretCipherError(`sealed value under key ${keyId} failed authentication (altered, or another context)`);
    }
  }

  /** A sealed value under this cipher's current key (anything else is worth sealing again). */
  isCurrent(value: string): boolean {
    return value.startsWith(`${VERSION}:${this.current.id}:`);
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`);
  }

  /** The key id a sealed value names, or undefined for anything else. */
  static keyIdOf(value: string): string | undefined {
    return SecretCipher.isSealed(value) ? value.split(':')[1] : undefined;
  }
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}
