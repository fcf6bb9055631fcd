import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { logRecords } from '../support/log-lines';
import { ROOT, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '../support/test-environment';

const valid = { VOUCHER_ENV: 'test', DATABASE_URL: TEST_DATABASE_URL, KAFKA_BROKERS: TEST_KAFKA_BROKERS, GATEWAY_HTTP_PORT: '3999' };

function startGateway(env: Record<string, string | undefined>, app = 'cashbox-gateway') {
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, [join(ROOT, `dist/apps/${app}/src/main.js`)], {
    env: Object.fromEntries(Object.entries({ PATH, HOME, NO_COLOR: '1', ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('configuration is validated at start-up', () => {
  it.each([
    ['KAFKA_BROKERS', { KAFKA_BROKERS: undefined }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'no-port-here' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['VOUCHER_ENV', { VOUCHER_ENV: 'production' }],
    ['GATEWAY_HTTP_PORT', { GATEWAY_HTTP_PORT: 'eighty' }],
    ['OUTBOX_READY_MAX_AGE_SECONDS', { OUTBOX_READY_MAX_AGE_SECONDS: '0' }],
    ['HTTP_BODY_LIMIT_BYTES', { HTTP_BODY_LIMIT_BYTES: '16k' }],
    ['HTTP_BODY_LIMIT_BYTES', { HTTP_BODY_LIMIT_BYTES: '100' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('stops the app with a message naming %s', (variable, override) => {
    const result = startGateway({ ...valid, ...override });
    expect(result.status).toBe(1);
    // Logged as JSON lines like everything else, the message naming the variable at level error.
    const records = logRecords(result.stdout + result.stderr);
    expect(records.some((record) => record.level === 'error' && record.msg?.includes(`${variable}:`))).toBe(true);
  });

  it.each([
    ['LOOKUP_RATE_LIMIT_PER_SECOND', { LOOKUP_RATE_LIMIT_PER_SECOND: '0' }],
    ['LOOKUP_RATE_LIMIT_PER_SECOND', { LOOKUP_RATE_LIMIT_PER_SECOND: 'ten' }],
    ['WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS', { WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS: '-1' }],
    ['WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS', { WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS: '1d' }],
    ['WEBHOOK_SECRET_ENCRYPTION_KEY', { WEBHOOK_SECRET_ENCRYPTION_KEY: 'too-short' }],
    // Production never runs on the development key.
    ['WEBHOOK_SECRET_ENCRYPTION_KEY', { VOUCHER_ENV: 'prod', WEBHOOK_SECRET_ENCRYPTION_KEY: undefined }],
    ['WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS', { WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS: 'one,two' }],
  ])('stops the connector with a message naming %s', (variable, override) => {
    const result = startGateway({ ...valid, CONNECTOR_HTTP_PORT: '3998', ...override }, 'eshop-connector');
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(`${variable}:`);
  });
});
