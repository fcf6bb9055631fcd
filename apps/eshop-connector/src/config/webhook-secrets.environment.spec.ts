import { randomBytes } from 'node:crypto';
import { validateEnvironment } from '@voucher-bridge/config';
import { WebhookSecretsEnvironment } from './webhook-secrets.environment';

const validate = validateEnvironment(WebhookSecretsEnvironment);
const key = () => randomBytes(32).toString('base64');

describe('WebhookSecretsEnvironment', () => {
  it.each(['prod', 'prod-eu'])('refuses to start in %s without WEBHOOK_SECRET_ENCRYPTION_KEY', (environment) => {
    expect(() => validate({ VOUCHER_ENV: environment })).toThrow(/WEBHOOK_SECRET_ENCRYPTION_KEY: .*required when VOUCHER_ENV is prod/);
    expect(validate({ VOUCHER_ENV: environment, WEBHOOK_SECRET_ENCRYPTION_KEY: key() })).toBeDefined();
  });

  it('lets a development environment start without a key', () => {
    expect(() => validate({ VOUCHER_ENV: 'dev' })).not.toThrow();
    expect(() => validate({ VOUCHER_ENV: 'test-e2e' })).not.toThrow();
  });

  it.each([
    ['WEBHOOK_SECRET_ENCRYPTION_KEY', { WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(16).toString('base64') }],
    ['WEBHOOK_SECRET_ENCRYPTION_KEY', { WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('hex') }],
    ['WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS', { WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS: `${key()},short` }],
  ])('refuses a malformed %s', (variable, values) => {
    expect(() => validate({ VOUCHER_ENV: 'dev', ...values })).toThrow(`${variable}:`);
  });

  it('takes a list of previous keys, spaces allowed around the commas', () => {
    expect(() => validate({ VOUCHER_ENV: 'prod', WEBHOOK_SECRET_ENCRYPTION_KEY: key(), WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS: `${key()}, ${key()}` })).not.toThrow();
  });
});
