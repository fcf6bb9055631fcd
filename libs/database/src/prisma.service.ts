import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PG_POOL } from './database.constants';
import { PrismaClient } from './generated/prisma/client';

/** The typed Prisma client, running over the shared pool through the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end().catch(() => undefined);
  }
}
