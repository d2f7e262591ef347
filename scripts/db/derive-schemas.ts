/**
 * prisma/schema.base.prisma holds the models once; Prisma reads the provider from the
 * schema file, so each provider gets a derived copy with its own datasource and
 * generator. `npm run db:derive` writes them; `npm run db:check` (CI) fails when the
 * committed copies differ from what the base would give.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Provider } from '../../adapters/db/database-url';
import { PRISMA_DIR, PROVIDER_DIRS, schemaPath } from '../../adapters/db/migrations-dir';

export const BASE_SCHEMA = join(PRISMA_DIR, 'schema.base.prisma');
export const PROVIDERS: Provider[] = ['sqlite', 'postgresql'];

export function deriveSchema(provider: Provider, base: string): string {
  // The query-compiler client with driver adapters needs no datasource url (Prisma 7).
  return `// GENERATED from prisma/schema.base.prisma by scripts/db/derive-schemas.ts: edit the base, then run npm run db:derive.

generator client {
  provider     = "prisma-client"
  output       = "../generated/${PROVIDER_DIRS[provider]}"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
}

${base.trimEnd()}
`;
}

/** The derived schemas that differ from the committed files (empty when in sync). */
export async function outOfSyncSchemas(): Promise<{ provider: Provider; path: string; expected: string }[]> {
  const base = await readFile(BASE_SCHEMA, 'utf8');
  const stale = [];
  for (const provider of PROVIDERS) {
    const path = schemaPath(provider);
    const expected = deriveSchema(provider, base);
    const actual = existsSync(path) ? await readFile(path, 'utf8') : null;
    if (actual !== expected) stale.push({ provider, path, expected });
  }
  return stale;
}

export async function writeDerivedSchemas(): Promise<string[]> {
  const stale = await outOfSyncSchemas();
  for (const { path, expected } of stale) await writeFile(path, expected);
  return stale.map((s) => s.path);
}

async function main(check: boolean): Promise<void> {
  if (!check) {
    const written = await writeDerivedSchemas();
    console.log(written.length ? `wrote ${written.join(', ')}` : 'derived schemas already up to date');
    return;
  }
  const stale = await outOfSyncSchemas();
  if (stale.length === 0) return console.log('derived schemas are in sync with prisma/schema.base.prisma');
  console.error(
    `out of sync with prisma/schema.base.prisma: ${stale.map((s) => s.path).join(', ')}\n` +
      'Edit only the base schema, then run: npm run db:derive (and npm run db:migration:create -- <name> if the models changed)',
  );
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.includes('--check'));
