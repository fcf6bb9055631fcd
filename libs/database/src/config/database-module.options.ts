export interface DatabaseModuleOptions {
  /** postgresql://user@host:port/database */
  url: string;
  /** Connections shared by Prisma and the raw hot-path writers. */
  poolSize?: number;
}
