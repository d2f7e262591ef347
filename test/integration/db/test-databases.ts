import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase } from '../../../adapters/db/create-database';
import type { Database } from '../../../adapters/db/create-database';
import { migrate } from '../../../adapters/db/migrate';
import { parsePostgresUrl, quoteIdent } from '../../../adapters/db/database-url';

/**
 * Where the database tests run: always a fresh SQLite file; PostgreSQL when CI (or you)
 * set TEST_DATABASE_URL_PG, e.g. after .ci/postgres.sh:
 * postgres://provbot:provbot@127.0.0.1:5432/provbot_test
 */
export interface TestTarget {
  name: 'sqlite' | 'postgresql';
  /** Why the target is skipped, or null when it runs. */
  skipReason: string | null;
  /** A new, empty database (file or schema) and the way to remove it. */
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

export const PG_URL = process.env.TEST_DATABASE_URL_PG?.trim() || undefined;

export const sqliteTarget: TestTarget = {
  name: 'sqlite',
  skipReason: null,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'provbot-db-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgresTarget: TestTarget = {
  name: 'postgresql',
  skipReason: PG_URL ? null : 'TEST_DATABASE_URL_PG is not set: run .ci/postgres.sh and export the URL it prints',
  async fresh() {
    if (!PG_URL) throw new Error('TEST_DATABASE_URL_PG is not set');
    // A schema per suite, so files run in parallel on one database without seeing each other.
    const schema = `provbot_test_${randomBytes(6).toString('hex')}`;
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    return { url: url.toString(), drop: () => dropSchema(url.toString()) };
  },
};

async function dropSchema(databaseUrl: string): Promise<void> {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

export const TARGETS: TestTarget[] = [sqliteTarget, postgresTarget];

/**
 * A describe block per target. Without TEST_DATABASE_URL_PG the PostgreSQL block is
 * reported as skipped, with the reason in its name, rather than passing silently.
 */
export function describeOn(target: TestTarget, title: string, body: () => void): void {
  const name = target.skipReason ? `${title} on ${target.name} (skipped: ${target.skipReason})` : `${title} on ${target.name}`;
  describe.skipIf(target.skipReason !== null)(name, body);
}

/** A migrated, empty database for the enclosing describe block, removed after it. */
export function useFreshDatabase(target: TestTarget): { readonly db: Database; readonly url: string } {
  let current: { url: string; db: Database; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    const { url, drop } = await target.fresh();
    await migrate(url);
    current = { url, drop, db: await createDatabase(url) };
  });
  afterAll(async () => {
    await current?.db.close();
    await current?.drop();
  });
  const get = () => {
    if (!current) throw new Error('the database is only ready inside tests');
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get url() {
      return get().url;
    },
  };
}

/** Separate clients on one database, as separate bot processes would have; closes them after. */
export async function withClients<T>(url: string, count: number, use: (dbs: Database[]) => Promise<T>): Promise<T> {
  const dbs = await Promise.all(Array.from({ length: count }, () => createDatabase(url)));
  try {
    return await use(dbs);
  } finally {
    await Promise.all(dbs.map((d) => d.close()));
  }
}
