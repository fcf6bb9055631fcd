import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DEAD_LETTERS_USAGE, DeadLettersCommand } from './dead-letters/dead-letters.command';
import { ConnectorApiError } from './connector-api/connector-api.client';
import { KEYS_USAGE, KeysCommand } from './keys/keys.command';
import { OPERATIONS_USAGE, OperationsCommand } from './operations/operations.command';
import { SUBSCRIPTIONS_USAGE, SubscriptionsCommand } from './subscriptions/subscriptions.command';
import { UsageError } from './usage.error';

const USAGE = `usage: deploy/voucher-bridge.sh admin <command>   (or: npm run admin -- <command>)
  ${KEYS_USAGE}
  ${DEAD_LETTERS_USAGE}
  ${OPERATIONS_USAGE}
  ${SUBSCRIPTIONS_USAGE}
keys uses DATABASE_URL like the apps; the other commands talk to the running connector.
Tables for people by default, --json for scripts.`;

/** The operators' command-line tool. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  // Through the connector's REST API: no database connection of its own.
  if (command === 'dead-letters') return withUsage(() => new DeadLettersCommand().run(args));
  if (command === 'overview' || command === 'trace') return withUsage(() => new OperationsCommand().run(command, args));
  if (command === 'subscriptions') return withUsage(() => new SubscriptionsCommand().run(args));
  if (command !== 'keys') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
  // Loaded only here: its configuration (DATABASE_URL) is validated when the module loads, and the
  // commands that talk to the connector need no database.
  const { AdminModule } = await import('./admin.module.js');
  const app = await NestFactory.createApplicationContext(AdminModule, { logger: ['error', 'warn'] });
  try {
    return await withUsage(() => app.get(KeysCommand).run(args));
  } finally {
    await app.close();
  }
}

/** Exit code 0 when the command ran, 2 with the usage for a command-line mistake, 1 when the API refused. */
async function withUsage(command: () => Promise<void>): Promise<number> {
  try {
    await command();
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConnectorApiError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
