/**
 * npm run db:migration:create -- <name>
 *
 * Writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for SQLite and
 * PostgreSQL: the SQL that takes a database from the existing migrations (or from
 * nothing) to the models of prisma/schema.base.prisma. It is what `prisma migrate dev
 * --create-only` would write, computed by the wasm schema engine, since no engine
 * binary can be downloaded here. Review the SQL before committing it.
 *
 * The schema engine replays the existing migrations in a throwaway shadow database:
 * in memory for SQLite; for PostgreSQL a temporary database on the server named by
 * SHADOW_DATABASE_URL (or TEST_DATABASE_URL_PG), whose role needs CREATEDB.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Provider } from '../../adapters/db/database-url';
import { providerOf } from '../../adapters/db/database-url';
import { lockfileText, migrationsDir, readMigrationList, readSchema } from '../../adapters/db/migrations-dir';
import { openMigrationEngine } from '../../adapters/db/schema-engine';
import { PROVIDERS, writeDerivedSchemas } from './derive-schemas';
import { postgresShadowFactory, sqliteShadowFactory } from './shadow-adapters';

/** The SQL from the committed migrations to the current models; '' when they agree. */
export async function pendingMigrationSql(provider: Provider, shadowServerUrl?: string): Promise<string> {
  const schema = await readSchema(provider);
  const list = await readMigrationList(provider);
  const engine = await openMigrationEngine(shadowFactory(provider, shadowServerUrl), schema);
  try {
    const sql = await engine.diff({
      from: list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
    });
    return meaningfulSql(sql);
  } finally {
    await engine.close();
  }
}

function shadowFactory(provider: Provider, shadowServerUrl: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  if (provider === 'sqlite') return sqliteShadowFactory();
  if (!shadowServerUrl || providerOf(shadowServerUrl) !== 'postgresql') {
    throw new Error(
      'the PostgreSQL migrations need a PostgreSQL server to replay them in a shadow database:\n' +
        '  .ci/postgres.sh, then SHADOW_DATABASE_URL=postgres://provbot:provbot@127.0.0.1:5432/provbot_test',
    );
  }
  return postgresShadowFactory(shadowServerUrl);
}

/**
 * The engine scripts `CREATE SCHEMA IF NOT EXISTS "public"` first. We drop it: the
 * migrations then run in whatever schema the search_path names (`?schema=`), and need
 * no CREATE privilege on the database. An empty diff comes back as a lone comment.
 */
export function meaningfulSql(sql: string): string {
  const cleaned = sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n+/m, '');
  const statements = cleaned.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('--'));
  return statements.length ? cleaned : '';
}

/** YYYYMMDDHHMMSS in UTC, the prefix `prisma migrate dev` uses. */
const timestamp = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);

async function main(rawName: string | undefined): Promise<void> {
  const name = (rawName ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) throw new Error('usage: npm run db:migration:create -- <name>   (e.g. add_order_notes)');
  const written = await writeDerivedSchemas();
  if (written.length) console.log(`derived ${written.join(', ')}`);
  const folder = `${timestamp(new Date())}_${name}`;
  const shadowServerUrl = process.env.SHADOW_DATABASE_URL ?? process.env.TEST_DATABASE_URL_PG;
  for (const provider of PROVIDERS) {
    const sql = await pendingMigrationSql(provider, shadowServerUrl);
    if (!sql) {
      console.log(`${provider}: no changes, no migration written`);
      continue;
    }
    const base = migrationsDir(provider);
    await mkdir(join(base, folder), { recursive: true });
    await writeFile(join(base, folder, 'migration.sql'), sql);
    if (!existsSync(join(base, 'migration_lock.toml'))) await writeFile(join(base, 'migration_lock.toml'), lockfileText(provider));
    console.log(`${provider}: wrote ${join(base, folder, 'migration.sql')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Exit explicitly: on PostgreSQL the wasm engine leaves a 10 s timer behind.
  await main(process.argv[2]).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
