import { Client } from 'pg';
import { TEST_DATABASE_URL } from './test-environment';

/**
 * Makes the test database unreachable for the apps, as a PostgreSQL restart would, without
 * stopping the server others share: it stops taking connections and the open ones are dropped.
 */
export class DatabaseOutage {
  private readonly name = new URL(TEST_DATABASE_URL).pathname.slice(1);
  private readonly admin: Client;

  constructor() {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = '/postgres';
    this.admin = new Client({ connectionString: url.toString() });
  }

  async begin(): Promise<void> {
    await this.admin.connect();
    await this.admin.query(`ALTER DATABASE "${this.name}" ALLOW_CONNECTIONS false`);
    await this.dropConnections();
  }

  /** Drops whatever connections are open (again): in-flight queries fail as in a crash. */
  async dropConnections(): Promise<number> {
    const { rowCount } = await this.admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.name]);
    return rowCount ?? 0;
  }

  async end(): Promise<void> {
    await this.admin.query(`ALTER DATABASE "${this.name}" ALLOW_CONNECTIONS true`);
    await this.admin.end();
  }
}
