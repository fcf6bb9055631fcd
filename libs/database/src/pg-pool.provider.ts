import { Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { DATABASE_MODULE_OPTIONS } from './config/database.module-definition';
import { DatabaseModuleOptions } from './config/database-module.options';
import { PG_POOL } from './database.constants';

export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [DATABASE_MODULE_OPTIONS],
  useFactory: (options: DatabaseModuleOptions) =>
    new Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 }),
};
