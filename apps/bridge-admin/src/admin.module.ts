import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApiKeysEnvironment, ApiKeysModule } from '@voucher-bridge/api-keys';
import { validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseModule } from '@voucher-bridge/database';
import { KeysCommand } from './keys/keys.command';

/** The admin tool's application context: the database and what the commands manage. No HTTP, no Kafka. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(DatabaseEnvironment, ApiKeysEnvironment),
    }),
    DatabaseModule.fromEnvironment(),
    ApiKeysModule.fromEnvironment(),
  ],
  providers: [KeysCommand],
})
export class AdminModule {}
