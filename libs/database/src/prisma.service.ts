import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PG_POOL } from './database.constants';
import { PrismaClient } from './generated/prisma/client';

/** The typed Prisma client, running over the shared pool through the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }

  /** The pool itself is closed by `PgPoolOwner`, its one owner. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
