import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AdminModule } from './admin.module';
import { KEYS_USAGE, KeysCommand } from './keys/keys.command';
import { UsageError } from './usage.error';

const USAGE = `usage: deploy/voucher-bridge.sh admin <command>   (or: npm run admin -- <command>)
  ${KEYS_USAGE}
Uses DATABASE_URL like the apps.`;

/** The operators' command-line tool. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'keys') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
  const app = await NestFactory.createApplicationContext(AdminModule, { logger: ['error', 'warn'] });
  try {
    await app.get(KeysCommand).run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
