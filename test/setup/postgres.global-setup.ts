import { findTestPostgresUrl } from '../../scripts/db/test-postgres-url';

/**
 * Runs once before the workers start: they inherit process.env, so setting the URL
 * here lets a plain `npm test` run the PostgreSQL suites whenever a server is there.
 */
export default async function setup(): Promise<void> {
  const url = await findTestPostgresUrl();
  if (url) process.env.TEST_DATABASE_URL_PG = url;
  else console.warn('PostgreSQL suites skipped: no server (run .ci/postgres.sh, or set TEST_DATABASE_URL_PG)');
}
