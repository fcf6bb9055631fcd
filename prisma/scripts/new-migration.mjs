#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// schema as it was at the newest migration (its schema.prisma.snapshot) and prisma/schema.prisma.
// The offline stand-in for `prisma migrate dev --create-only`: a schema-to-schema diff, no shadow
// database. It saves the current schema as the new migration's snapshot.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/voucher_bridge \
//     node prisma/scripts/new-migration.mjs add_voucher_status
//
// DATABASE_URL only locates the PostgreSQL server: the engine insists on a live connection when it
// starts, so it connects to that server's `postgres` database; nothing is read or written there.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  MIGRATION_FILE,
  NO_FILTERS,
  SCHEMA_PATH,
  SNAPSHOT_FILE,
  UserError,
  latestSnapshot,
  loadMigrationsList,
  requireDatabaseUrl,
  startEngine,
  withDatabase,
} from './lib/engine.mjs';

function migrationSlug(raw) {
  const slug = (raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!slug) throw new UserError('usage: node prisma/scripts/new-migration.mjs <name>');
  return slug;
}

/** UTC yyyymmddHHMMSS, like Prisma's, kept strictly after the newest existing migration. */
function timestamp(existing) {
  const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const newest = existing.map((d) => d.path.slice(0, 14)).filter((t) => /^\d{14}$/.test(t)).sort().at(-1);
  if (!newest || now > newest) return now;
  return String(BigInt(newest) + 1n); // clock behind or same second: still sort after it
}

/** True when the engine's script contains no statement (only comments / whitespace). */
function isEmptyScript(sql) {
  return (sql ?? '')
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}

async function main() {
  const slug = migrationSlug(process.argv[2]);
  const url = requireDatabaseUrl();
  const current = readFileSync(SCHEMA_PATH, 'utf8');
  const snapshot = latestSnapshot();
  const from = snapshot
    ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: snapshot.content }] }
    : { tag: 'empty' };

  const { engine, describe } = await startEngine({
    connectionString: withDatabase(url, 'postgres'),
    schemaText: current,
  });
  let sql;
  try {
    ({ stdout: sql } = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: current }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }));
  } catch (error) {
    throw new UserError(`Could not diff the schemas:\n${describe(error)}`);
  } finally {
    engine.free();
  }

  if (!snapshot) {
    // A diff from `empty` starts with CREATE SCHEMA "public"; `prisma migrate dev` (diffing from a
    // freshly created shadow database, which has it) would not emit it, and PostgreSQL checks the
    // CREATE privilege on the database even with IF NOT EXISTS. Every database has "public".
    sql = sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, '');
  }
  const base = snapshot ? `the snapshot of ${snapshot.migration}` : 'an empty database';
  if (isEmptyScript(sql)) {
    console.log(`no changes (prisma/schema.prisma matches ${base})`);
    return;
  }

  const dirName = `${timestamp(loadMigrationsList().migrationDirectories)}_${slug}`;
  const dir = path.join(MIGRATIONS_DIR, dirName);
  if (existsSync(dir)) throw new UserError(`${dir} already exists.`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MIGRATION_FILE), sql.endsWith('\n') ? sql : `${sql}\n`);
  writeFileSync(path.join(dir, SNAPSHOT_FILE), current);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE_NAME);
  if (!existsSync(lockPath)) writeFileSync(lockPath, LOCKFILE_CONTENT);

  const rel = path.relative(process.cwd(), path.join(dir, MIGRATION_FILE));
  console.log(`Created ${rel} (diff from ${base}).`);
  console.log('Review it, then apply with: node prisma/scripts/migrate.mjs');
}

main().then(
  () => process.exit(0),
  (error) => {
    const plain = error instanceof UserError || typeof error?.code === 'string';
    console.error(`new-migration: ${plain ? error.message : (error?.stack ?? String(error))}`);
    process.exit(1);
  },
);
