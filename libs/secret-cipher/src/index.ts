export { CIPHER_KEY_PATTERN, cipherKey, cipherKeys, derivedCipherKey } from './cipher-key';
export type { CipherKey } from './cipher-key';
export { SecretCipher, SecretCipherError } from './secret-cipher';
