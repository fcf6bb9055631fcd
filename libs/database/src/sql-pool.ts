/**
 * The shared PostgreSQL pool as apps see it. Apps never import `pg` themselves (a layer rule):
 * the driver, the pool's settings and its lifetime belong to this library.
 */
export type { Pool as SqlPool, PoolClient as SqlSession } from 'pg';
