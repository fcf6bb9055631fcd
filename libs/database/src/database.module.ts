import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseConfigurableModule } from './config/database.module-definition';
import { DatabaseHealthIndicator } from './health/database.health';
import { pgPoolProvider } from './pg-pool.provider';
import { PgPoolOwner } from './pg-pool.owner';
import { PrismaService } from './prisma.service';

const publicProviders = [pgPoolProvider, PrismaService, DatabaseHealthIndicator];

/**
 * PostgreSQL for an app: `DatabaseModule.fromEnvironment()`, or `forRoot({ url })` / `forRootAsync`.
 * An HTTP app passes `asDatabaseUnavailable` to its problem filter (`errorTranslators` of
 * bootstrapHttpApp): every handler then answers 503 instead of 500 while the database is away.
 */
@Module({
  imports: [TerminusModule],
  providers: [...publicProviders, PgPoolOwner],
  exports: publicProviders,
})
export class DatabaseModule extends DatabaseConfigurableModule {
  /** Global, configured from the variables `DatabaseEnvironment` validated. */
  static fromEnvironment(): DynamicModule {
    return DatabaseModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        url: config.getOrThrow<string>('DATABASE_URL'),
        poolSize: config.getOrThrow<number>('DATABASE_POOL_SIZE'),
        queryTimeoutMs: config.getOrThrow<number>('DATABASE_QUERY_TIMEOUT_MS'),
      }),
    });
  }
}
