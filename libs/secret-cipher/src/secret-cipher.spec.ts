import { randomBytes } from 'node:crypto';
import { cipherKey, cipherKeys, derivedCipherKey } from './cipher-key';
import { SecretCipher, SecretCipherError } from './secret-cipher';

const newKey = () => cipherKey(randomBytes(32).toString('base64'));
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Ps1BMO8vEs=';
const CONTEXT = '0f8e4c1e-5d2a-4b8e-9a55-6f1d2c3b4a59';

/** One base64url part of a sealed value with its first character changed. */
function alter(sealed: string, part: number): string {
  const parts = sealed.split(':');
  parts[part] = (parts[part][0] === 'A' ? 'B' : 'A') + parts[part].slice(1);
  return parts.join(':');
}

describe('SecretCipher', () => {
  it('seals and opens again; the sealed form names the key and holds nothing of the secret', () => {
    const key = newKey();
    const cipher = new SecretCipher(key);
    const sealed = cipher.seal(SECRET, CONTEXT);
    expect(sealed).toMatch(new RegExp(`^sc1:${key.id}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$`));
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(cipher.open(sealed, CONTEXT)).toBe(SECRET);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(cipher.seal(SECRET, CONTEXT)).not.toBe(sealed);
    expect(cipher.isCurrent(sealed)).toBe(true);
    expect(SecretCipher.keyIdOf(sealed)).toBe(key.id);
  });

  it.each([
    ['IV', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ])('refuses a value whose %s was altered', (_, part) => {
    const cipher = new SecretCipher(newKey());
    const sealed = cipher.seal(SECRET, CONTEXT);
    expect(() => cipher.open(alter(sealed, part), CONTEXT)).toThrow(SecretCipherError);
  });

  it('refuses a value moved to another context (another subscription\'s row)', () => {
    const cipher = new SecretCipher(newKey());
    const sealed = cipher.seal(SECRET, CONTEXT);
    expect(() => cipher.open(sealed, 'another-subscription')).toThrow(/failed authentication/);
  });

  it('refuses a value sealed under a key it does not have, naming the key id only', () => {
    const other = newKey();
    const sealed = new SecretCipher(other).seal(SECRET, CONTEXT);
    const error = (() => { try { new SecretCipher(newKey()).open(sealed, CONTEXT); } catch (e) { return e as Error; } })();
    expect(error).toBeInstanceOf(SecretCipherError);
    expect(error!.message).toBe(`sealed under key ${other.id}, which is not configured`);
    expect(error!.message).not.toContain(SECRET);
  });

  it('refuses a value whose key id was swapped for the one of a key it has (the id is authenticated)', () => {
    const [a, b] = [newKey(), newKey()];
    const sealed = new SecretCipher(a).seal(SECRET, CONTEXT);
    const relabelled = sealed.replace(`:${a.id}:`, `:${b.id}:`);
    expect(() => new SecretCipher(b, [a]).open(relabelled, CONTEXT)).toThrow(SecretCipherError);
  });

  it('refuses what is not a sealed value (a clear whsec_ secret, another version)', () => {
    const cipher = new SecretCipher(newKey());
    expect(() => cipher.open(SECRET, CONTEXT)).toThrow('not a sealed value');
    expect(() => cipher.open(cipher.seal(SECRET, CONTEXT).replace(/^sc1/, 'sc2'), CONTEXT)).toThrow('not a sealed value');
    expect(SecretCipher.isSealed(SECRET)).toBe(false);
    expect(SecretCipher.keyIdOf(SECRET)).toBeUndefined();
  });

  it('rotates: a new current key opens what the previous key sealed, and seals under the new one', () => {
    const [old, current] = [newKey(), newKey()];
    const sealedBefore = new SecretCipher(old).seal(SECRET, CONTEXT);
    const rotated = new SecretCipher(current, [old]);
    expect(rotated.open(sealedBefore, CONTEXT)).toBe(SECRET);
    expect(rotated.isCurrent(sealedBefore)).toBe(false);
    const sealedAfter = rotated.seal(SECRET, CONTEXT);
    expect(SecretCipher.keyIdOf(sealedAfter)).toBe(current.id);
    expect(rotated.isCurrent(sealedAfter)).toBe(true);
    // Once the old key is dropped, only what was sealed again opens.
    const retired = new SecretCipher(current);
    expect(retired.open(sealedAfter, CONTEXT)).toBe(SECRET);
    expect(() => retired.open(sealedBefore, CONTEXT)).toThrow(/not configured/);
  });
});

describe('cipher keys', () => {
  it('takes 32 bytes of base64 and derives a stable id from them', () => {
    const base64 = randomBytes(32).toString('base64');
    expect(cipherKey(base64)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), bytes: Buffer.from(base64, 'base64') });
    expect(cipherKey(base64).id).toBe(cipherKey(base64).id);
    expect(newKey().id).not.toBe(cipherKey(base64).id);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['base64url', 'A'.repeat(42) + '_='],
  ])('refuses a key of %s', (_, text) => {
    expect(() => cipherKey(text)).toThrow(/32 bytes in base64/);
  });

  it('reads a comma-separated list, empty when unset', () => {
    const [a, b] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    expect(cipherKeys(`${a}, ${b}`).map((key) => key.id)).toEqual([cipherKey(a).id, cipherKey(b).id]);
    expect(cipherKeys(undefined)).toEqual([]);
    expect(cipherKeys('')).toEqual([]);
  });

  it('derives the same development key from the same label', () => {
    expect(derivedCipherKey('dev')).toEqual(derivedCipherKey('dev'));
    expect(derivedCipherKey('dev').bytes).toHaveLength(32);
  });
});
