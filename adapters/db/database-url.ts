import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { makePrivateDirSync, makeSqliteFilePrivate } from '../fs/private-files';

export type Provider = 'sqlite' | 'postgresql';

/** How long a SQLite connection waits for another connection's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** file: → SQLite; postgres:// or postgresql:// → PostgreSQL (the same rule as bot/config.ts). */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)');
}

/**
 * The SQLite file of a file: URL, relative to the working directory (Prisma 7's
 * adapter does not resolve it against the schema file as Prisma 6 did). Query
 * parameters of older Prisma URLs (?connection_limit=…) are ignored.
 */
export function sqliteFile(databaseUrl: string): string {
  const path = databaseUrl.slice('file:'.length).split('?')[0] ?? '';
  if (path === '') throw new Error(`no file name in DATABASE_URL ${databaseUrl}`);
  return resolve(path);
}

/**
 * Prisma's `?schema=` convention for PostgreSQL. The pg driver does not know the
 * parameter, so we strip it and set the search_path instead: migrations are written
 * with unqualified table names and must land in that schema too.
 */
export function parsePostgresUrl(databaseUrl: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  // Checked rather than quoted: it travels inside the startup `options` string below.
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name in DATABASE_URL: ${schema}`);
  return { connectionString: url.toString(), schema };
}

/** A driver adapter factory for the URL, usable by the client and the schema engine. */
export function adapterFactoryFor(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = sqliteFile(databaseUrl);
    // better-sqlite3 creates a missing file but not its directory (data/ on a fresh checkout),
    // and would create the file 0644: it holds the link-signing secret, so it is made here, 0600.
    makePrivateDirSync(dirname(file));
    makeSqliteFilePrivate(file);
    return new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const options = schema ? `-c search_path=${schema}` : undefined;
  return new PrismaPg({ connectionString, options }, schema ? { schema } : undefined);
}

/** Double-quotes an SQL identifier, escaping embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
