import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parsePostgresUrl, quoteIdent } from '../../adapters/db/database-url';
import { CI_POSTGRES_URL, findTestPostgresUrl } from '../db/test-postgres-url';

/** An empty database for one bench run (the bot migrates it at start-up), and the way to remove it. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshSqlite(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'provbot-bench-db-'));
  return { url: `file:${join(dir, 'bench.db')}`, drop: () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

/**
 * A fresh schema on the PostgreSQL the test suite uses (TEST_DATABASE_URL_PG, else the
 * server .ci/postgres.sh sets up, if it answers), or why there is none: a bench
 * reports that instead of failing.
 */
export async function freshPostgres(): Promise<BenchDatabase | { unavailable: string }> {
  // It throws only under TEST_REQUIRE_POSTGRES=1, saying what is missing.
  const server = await findTestPostgresUrl().catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  if (server instanceof Error) return { unavailable: server.message };
  if (!server) return { unavailable: `no PostgreSQL answers (set TEST_DATABASE_URL_PG, or run .ci/postgres.sh for ${CI_POSTGRES_URL})` };
  const url = new URL(server);
  url.searchParams.set('schema', `provbot_bench_${randomBytes(6).toString('hex')}`);
  return { url: url.toString(), drop: () => dropSchema(url.toString()) };
}

async function dropSchema(databaseUrl: string): Promise<void> {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  if (!schema) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
