/**
 * Which PostgreSQL the test suite and db:check use. TEST_DATABASE_URL_PG wins; else the
 * server that .ci/postgres.sh sets up, if it answers on loopback; else none, and the
 * PostgreSQL suites are reported as skipped. TEST_REQUIRE_POSTGRES=1 (set by .ci/run)
 * turns "none" into an error, so CI cannot go green without the PostgreSQL suite.
 */
import pg from 'pg';

export const CI_POSTGRES_URL = 'postgres://provbot:provbot@127.0.0.1:5432/provbot_test';

export async function findTestPostgresUrl(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const explicit = env.TEST_DATABASE_URL_PG?.trim();
  if (explicit) return explicit;
  const found = (await answers(CI_POSTGRES_URL)) ? CI_POSTGRES_URL : undefined;
  if (!found && env.TEST_REQUIRE_POSTGRES === '1') {
    throw new Error(
      `TEST_REQUIRE_POSTGRES=1 but no PostgreSQL answers at ${CI_POSTGRES_URL}: run .ci/postgres.sh or set TEST_DATABASE_URL_PG`,
    );
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
