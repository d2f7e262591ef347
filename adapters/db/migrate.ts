import pg from 'pg';
import { adapterFactoryFor, parsePostgresUrl, providerOf, quoteIdent, sqliteFile } from './database-url';
import { readMigrationList, readSchema } from './migrations-dir';
import { openMigrationEngine } from './schema-engine';
import { sqliteUpToDate } from './sqlite-up-to-date';

/**
 * Applies the pending migrations of prisma/<provider>/migrations to the database,
 * like `prisma migrate deploy` (same _prisma_migrations bookkeeping), but in-process
 * through the wasm schema engine, since no engine binary can be downloaded here.
 * Creates a missing SQLite file (and its directory) and a missing PostgreSQL schema.
 * Returns the names of the migrations this call applied; [] when up to date.
 */
export async function migrate(databaseUrl: string): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  if (provider === 'postgresql') await ensurePostgresSchema(databaseUrl);
  const migrations = await readMigrationList(provider);
  // Up to date: no engine, so a bot starts beside another process using the file (sqlite-up-to-date.ts).
  if (provider === 'sqlite' && sqliteUpToDate(sqliteFile(databaseUrl), migrations)) return { applied: [] };
  const engine = await openMigrationEngine(adapterFactoryFor(databaseUrl), await readSchema(provider));
  try {
    return { applied: await engine.applyMigrations(migrations) };
  } finally {
    await engine.close();
  }
}

/**
 * The migrations name no schema (they follow the search_path set from `?schema=`),
 * so the schema must exist before they run.
 */
async function ensurePostgresSchema(databaseUrl: string): Promise<void> {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  if (!schema) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}
