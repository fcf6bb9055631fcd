export interface DatabaseModuleOptions {
  /** postgresql://user@host:port/database */
  url: string;
  /** Connections shared by Prisma and the raw hot-path writers. */
  poolSize?: number;
  /** A query unanswered this long fails, and its connection is destroyed (default 30 s). */
  queryTimeoutMs?: number;
}
