import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseConfigurableModule } from './config/database.module-definition';
import { DatabaseHealthIndicator } from './health/database.health';
import { pgPoolProvider } from './pg-pool.provider';
import { PrismaService } from './prisma.service';

const publicProviders = [pgPoolProvider, PrismaService, DatabaseHealthIndicator];

/** PostgreSQL for an app: `DatabaseModule.forRoot({ url })` or `forRootAsync`. */
@Module({
  imports: [TerminusModule],
  providers: publicProviders,
  exports: publicProviders,
})
export class DatabaseModule extends DatabaseConfigurableModule {}
