import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from './database.constants';

/**
 * The one owner of the pool's lifetime: it closes the pool when the app shuts down. Writers that
 * batch (group commit) drain in `beforeApplicationShutdown`, which Nest runs for every provider
 * before any `onApplicationShutdown`, so no write is cut off by a closed pool.
 */
@Injectable()
export class PgPoolOwner implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
