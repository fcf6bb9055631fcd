#!/usr/bin/env node
// Runs `prisma generate --config prisma/prisma.config.ts` so that it also works offline.
//
// Every Prisma CLI command first makes sure the native schema-engine binary is present and
// downloads it when it is not; the download host is unreachable on our machines. `generate` never
// runs that binary, and the CLI skips the download when PRISMA_SCHEMA_ENGINE_BINARY names an
// existing file, so we point it at one (the node executable) unless the caller set it already.
// Never do this for `prisma migrate`: with a fake engine it reports success and changes nothing
// (use prisma/scripts/migrate.mjs).
//
//   node prisma/scripts/generate.mjs [extra prisma generate flags, e.g. --watch]

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const prismaCli = require.resolve('prisma/build/index.js');

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
env.CHECKPOINT_DISABLE ||= '1'; // no update-check request to Prisma's servers
env.PRISMA_HIDE_UPDATE_MESSAGE ||= '1';

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--config', path.join('prisma', 'prisma.config.ts'), ...process.argv.slice(2)],
  { cwd: repoRoot, env, stdio: 'inherit' },
);
if (result.error) {
  console.error(`generate: could not run the Prisma CLI: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
