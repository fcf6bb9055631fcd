import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseUnavailableInterceptor } from './availability/database-unavailable.interceptor';
import { DatabaseConfigurableModule } from './config/database.module-definition';
import { DatabaseHealthIndicator } from './health/database.health';
import { pgPoolProvider } from './pg-pool.provider';
import { PgPoolOwner } from './pg-pool.owner';
import { PrismaService } from './prisma.service';

const publicProviders = [pgPoolProvider, PrismaService, DatabaseHealthIndicator];

/**
 * PostgreSQL for an app: `DatabaseModule.fromEnvironment()`, or `forRoot({ url })` / `forRootAsync`.
 * Every HTTP handler of the app answers 503 instead of 500 while the database is away.
 */
@Module({
  imports: [TerminusModule],
  providers: [...publicProviders, PgPoolOwner, { provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor }],
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
      }),
    });
  }
}
