#!/usr/bin/env node
// Applies prisma/migrations/*/migration.sql to the database in DATABASE_URL: the offline
// equivalent of `prisma migrate deploy` (same `_prisma_migrations` table and checksums), run
// through the WebAssembly schema engine. Creates the database first if it does not exist.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/voucher_bridge node prisma/scripts/migrate.mjs
//
// A migration that fails is rolled back as a whole (one transaction) and recorded as failed;
// later runs refuse to continue until it is marked rolled back (= `prisma migrate resolve
// --rolled-back <name>`), after fixing its migration.sql:
//
//   node prisma/scripts/migrate.mjs --rolled-back <migration_name>

import pg from 'pg';

import {
  NO_FILTERS,
  UserError,
  databaseName,
  loadMigrationsList,
  requireDatabaseUrl,
  startEngine,
  withDatabase,
} from './lib/engine.mjs';

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/** Creates the target database when it is missing; needs access to the `postgres` database only then. */
async function ensureDatabase(url) {
  const name = databaseName(url);
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (error.code !== '3D000') throw error; // 3D000 = invalid_catalog_name: database does not exist
  } finally {
    await probe.end().catch(() => {});
  }
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    if (error.code === '42P04') return false; // duplicate_database: created concurrently, fine
    throw error;
  } finally {
    await admin.end().catch(() => {});
  }
}

function parseArgs(argv) {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === '--rolled-back' && argv[1]) return { rolledBack: argv[1] };
  throw new UserError('usage: node prisma/scripts/migrate.mjs [--rolled-back <migration_name>]');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = requireDatabaseUrl();
  const name = databaseName(url);

  const migrationsList = loadMigrationsList();
  if (migrationsList.migrationDirectories.length === 0) {
    throw new UserError(`No migrations in ${migrationsList.baseDir}.`);
  }
  const unreadable = migrationsList.migrationDirectories.filter(
    (d) => d.migrationFile.content.tag !== 'ok',
  );
  if (unreadable.length > 0) {
    throw new UserError(
      unreadable.map((d) => `${d.path}/migration.sql: ${d.migrationFile.content.value}`).join('\n'),
    );
  }

  if (await ensureDatabase(url)) console.log(`Created database ${name}.`);

  const { engine, describe } = await startEngine({ connectionString: url });
  try {
    if (args.rolledBack) {
      try {
        await engine.markMigrationRolledBack({ migrationName: args.rolledBack });
      } catch (error) {
        throw new UserError(`Could not mark ${args.rolledBack} rolled back:\n${describe(error)}`);
      }
      console.log(`Marked ${args.rolledBack} as rolled back on ${name}; run migrate again to apply it.`);
      return;
    }

    let applied;
    try {
      ({ appliedMigrationNames: applied } = await engine.applyMigrations({
        migrationsList,
        filters: NO_FILTERS,
      }));
    } catch (error) {
      throw new UserError(
        `Migrations could not be applied to ${name} (a failing migration is rolled back as a whole):\n` +
          `${describe(error)}\n` +
          'Fix it, then: node prisma/scripts/migrate.mjs --rolled-back <migration_name>, and rerun.',
      );
    }

    const total = migrationsList.migrationDirectories.length;
    if (applied.length === 0) {
      console.log(`${name} is up to date (${total} migration${total === 1 ? '' : 's'}).`);
    } else {
      console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${name}:`);
      for (const migration of applied) console.log(`  ${migration}`);
    }

    // Same warning `prisma migrate status` would give: an already-applied migration.sql was edited.
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      for (const edited of diagnosis.editedMigrationNames ?? []) {
        console.warn(
          `warning: ${edited}/migration.sql was modified after it was applied (checksum differs).`,
        );
      }
    } catch (error) {
      console.warn(`warning: could not check the migration history: ${describe(error)}`);
    }
  } finally {
    engine.free();
  }
}

main().then(
  () => process.exit(0), // the engine's connection pool must not keep the process alive
  (error) => {
    // UserError and pg errors (they carry a SQLSTATE or errno code) speak for themselves.
    const plain = error instanceof UserError || typeof error?.code === 'string';
    console.error(`migrate: ${plain ? error.message : (error?.stack ?? String(error))}`);
    process.exit(1);
  },
);
