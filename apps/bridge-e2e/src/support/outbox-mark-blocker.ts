import { Pool, PoolClient } from 'pg';

const LOCK_KEY = 7_236_518_010_229_001;
const NAME = 'e2e_block_outbox_mark';

/**
 * Holds back the relay's "mark sent" of outbox rows, as a slow or stuck database would, right
 * after Kafka committed them: a trigger makes every UPDATE of gateway_outbox wait for an advisory
 * lock this helper holds. `waiting()` says when a relay's UPDATE is stuck behind it.
 */
export class OutboxMarkBlocker {
  private constructor(private readonly db: Pool, private readonly holder: PoolClient) {}

  static async install(db: Pool): Promise<OutboxMarkBlocker> {
    const holder = await db.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await db.query(`
      CREATE OR REPLACE FUNCTION ${NAME}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${LOCK_KEY});
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER ${NAME} BEFORE UPDATE ON gateway_outbox FOR EACH STATEMENT EXECUTE FUNCTION ${NAME}()`);
    return new OutboxMarkBlocker(db, holder);
  }

  /** Process ids of the database sessions whose UPDATE waits behind the blocker. */
  async waiting(): Promise<number[]> {
    const { rows } = await this.db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
         AND query LIKE '%UPDATE gateway_outbox%'`);
    return rows.map((row) => row.pid);
  }

  /** Ends those sessions, as the death of the process that opened them would (at last). */
  async terminateWaiting(): Promise<void> {
    for (const pid of await this.waiting()) await this.db.query('SELECT pg_terminate_backend($1)', [pid]);
  }

  async remove(): Promise<void> {
    await this.db.query(`DROP TRIGGER IF EXISTS ${NAME} ON gateway_outbox`);
    await this.holder.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    this.holder.release();
  }
}
