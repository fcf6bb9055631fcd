import { randomBytes } from 'node:crypto';
import { FactoryProvider, Logger } from '@nestjs/common';
import type { VoucherEnvironment } from '@voucher-bridge/config';
import { SecretCipher, cipherKey } from '@voucher-bridge/secret-cipher';
import { WebhookSecretsEnvironment } from '../config/webhook-secrets.environment';
import { subscriptionSecretCipherProvider } from './subscription-secret-cipher.provider';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';

const build = (env: Partial<WebhookSecretsEnvironment>, voucherEnv: string): SubscriptionSecretCipher =>
  (subscriptionSecretCipherProvider as FactoryProvider).useFactory(Object.assign(new WebhookSecretsEnvironment(), env), { VOUCHER_ENV: voucherEnv } as VoucherEnvironment);
const key = () => randomBytes(32).toString('base64');

describe('subscriptionSecretCipherProvider', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => { warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined); });
  afterEach(() => warn.mockRestore());

  it('seals under the configured key and opens with the previous ones', () => {
    const [current, previous] = [key(), key()];
    const old = build({ WEBHOOK_SECRET_ENCRYPTION_KEY: previous }, 'prod');
    const sealed = old.seal('s', 'whsec_x');
    const cipher = build({ WEBHOOK_SECRET_ENCRYPTION_KEY: current, WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS: previous }, 'prod');
    expect(cipher.open('s', sealed)).toBe('whsec_x');
    expect(cipher.needsSealing(sealed)).toBe(true);
    expect(cipher.needsSealing(cipher.seal('s', 'whsec_x'))).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses prod without a key (a second lock behind the environment check)', () => {
    expect(() => build({}, 'prod')).toThrow(/WEBHOOK_SECRET_ENCRYPTION_KEY/);
  });

  it('outside prod falls back to the development key with a warning, and a configured key later still opens its rows', () => {
    const development = build({}, 'dev');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/WEBHOOK_SECRET_ENCRYPTION_KEY is not set.*protects nothing/));
    const sealed = development.seal('s', 'whsec_dev');
    expect(build({}, 'test-1').open('s', sealed)).toBe('whsec_dev');
    expect(build({ WEBHOOK_SECRET_ENCRYPTION_KEY: key() }, 'dev').open('s', sealed)).toBe('whsec_dev');
  });

  it('never opens what the development key sealed in prod', () => {
    const sealed = build({}, 'dev').seal('s', 'whsec_dev');
    expect(() => build({ WEBHOOK_SECRET_ENCRYPTION_KEY: key() }, 'prod').open('s', sealed)).toThrow(/not configured/);
  });

  it('reads a clear legacy row as it is and wants it sealed', () => {
    const cipher = build({ WEBHOOK_SECRET_ENCRYPTION_KEY: key() }, 'prod');
    expect(cipher.open('s', 'whsec_legacy')).toBe('whsec_legacy');
    expect(cipher.needsSealing('whsec_legacy')).toBe(true);
  });
});

describe('SubscriptionSecretCipher.open', () => {
  it('opens a sealed secret once and answers it again from memory, never for another subscription', () => {
    const inner = new SecretCipher(cipherKey(randomBytes(32).toString('base64')));
    const opening = jest.spyOn(inner, 'open');
    const cipher = new SubscriptionSecretCipher(inner);
    const sealed = cipher.seal('s', 'whsec_x');
    expect([cipher.open('s', sealed), cipher.open('s', sealed)]).toEqual(['whsec_x', 'whsec_x']);
    expect(opening).toHaveBeenCalledTimes(1);
    expect(() => cipher.open('other', sealed)).toThrow(/failed authentication/);
  });
});
