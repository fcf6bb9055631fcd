export { DatabaseModule } from './database.module';
export type { DatabaseModuleOptions } from './config/database-module.options';
export { DatabaseEnvironment } from './config/database.environment';
export { PG_POOL } from './database.constants';
export { PrismaService } from './prisma.service';
export { DatabaseHealthIndicator } from './health/database.health';
export { GroupCommitBatcher } from './group-commit/group-commit.batcher';
export type { GroupCommitOptions, BatchWriter } from './group-commit/group-commit.batcher';
export { Prisma } from './generated/prisma/client';
