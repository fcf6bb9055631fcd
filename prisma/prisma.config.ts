// Prisma CLI configuration. Not at the repo root (Prisma's default location), so every CLI call
// names it: `prisma <command> --config prisma/prisma.config.ts` (see prisma/README.md).
// Relative paths below are resolved from this file's directory.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  // Prisma 7 takes the connection URL from here (`url = env(...)` in schema.prisma is an error).
  // Read directly rather than with `env('DATABASE_URL')`, which throws when the variable is unset
  // and would break `prisma generate` on machines (CI) that have no database.
  datasource: { url: process.env.DATABASE_URL },
});
