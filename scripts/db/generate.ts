/**
 * Generates the Prisma client of each provider into prisma/generated/<provider>/
 * (gitignored). `prisma generate` needs no schema engine, yet tries to download one
 * and fails offline unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file
 * (PLATFORM-NOTES, "Prisma 7 offline"); node itself serves.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { schemaPath } from '../../adapters/db/migrations-dir';
import { PROVIDERS } from './derive-schemas';

// The CLI entry is not in the package's exports map: resolve it beside package.json.
const prismaCli = join(dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

for (const provider of PROVIDERS) {
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath(provider)], { env, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`prisma generate failed for ${provider}`);
    process.exit(run.status ?? 1);
  }
}
