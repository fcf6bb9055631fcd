import { assertTestDatabase } from './test-database.guard';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');

/**
 * The suite's own broker, apart from the dev broker of the run command (19092). Below the
 * ephemeral port range (32768–60999): a port in it can be held by any client socket when the
 * broker restarts (seen: 39092 taken by a connection to an app's free port).
 */
export const TEST_KAFKA = {
  instance: 'test',
  port: Number(process.env.TEST_KAFKA_PORT ?? 29092),
  controllerPort: Number(process.env.TEST_KAFKA_CONTROLLER_PORT ?? 29093),
};

export const TEST_KAFKA_BROKERS = `127.0.0.1:${TEST_KAFKA.port}`;

export const TEST_DATABASE_URL = assertTestDatabase(
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/voucher_bridge_test',
);

/**
 * The key every connector of the suite encrypts webhook signing secrets under (the database and
 * its subscriptions are shared between specs, so one key for all). A test value, nowhere else used.
 */
export const TEST_WEBHOOK_SECRET_ENCRYPTION_KEY = 'dm91Y2hlci1icmlkZ2UgZTJlIHdlYmhvb2sga2V5ISE=';
