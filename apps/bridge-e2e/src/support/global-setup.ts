import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { kafkaBroker } from './kafka-broker';
import { ROOT, TEST_DATABASE_URL } from './test-environment';

const run = promisify(execFile);

/** A fresh, migrated test database and a running test broker for the whole suite. */
export default async function globalSetup(): Promise<void> {
  await recreateDatabase(TEST_DATABASE_URL);
  await run(process.execPath, [join(ROOT, 'prisma/scripts/migrate.mjs')], {
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL },
  });
  await kafkaBroker('start');
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
