/** DI token for the `pg.Pool` that Prisma and the hot-path SQL writers share. */
export const PG_POOL = Symbol('PG_POOL');
