import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PG_POOL } from '../database.constants';
import type { SqlPool } from '../sql-pool';

/**
 * Ready only when PostgreSQL answers a query right now. A plain `SELECT 1` on the shared pool,
 * not terminus' PrismaHealthIndicator: that one tries a MongoDB ping first and falls back, and
 * its first query loads Prisma's query engine (~45 MiB RSS measured) into an app — the gateway —
 * whose hot paths never use Prisma.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: SqlPool,
  ) {}

  isHealthy(key = 'database', timeout = 2_000) {
    return this.health.check(key).attempt(async () => {
      await this.pool.query('SELECT 1');
    }).withTimeout(timeout);
  }
}
