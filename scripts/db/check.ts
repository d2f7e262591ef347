/**
 * npm run db:check (CI): fails when the committed database files disagree with
 * prisma/schema.base.prisma: a derived schema edited by hand or not re-derived, or a
 * model change without its migration. PostgreSQL's migrations can only be replayed
 * on a server: checked when SHADOW_DATABASE_URL or TEST_DATABASE_URL_PG is set.
 */
import { pendingMigrationSql } from './create-migration';
import { outOfSyncSchemas, PROVIDERS } from './derive-schemas';
import { findTestPostgresUrl } from './test-postgres-url';

const problems: string[] = [];

const stale = await outOfSyncSchemas();
if (stale.length) {
  problems.push(
    `${stale.map((s) => s.path).join(', ')} out of sync with prisma/schema.base.prisma: edit only the base, then run npm run db:derive`,
  );
}

const shadowServerUrl = process.env.SHADOW_DATABASE_URL?.trim() || (await findTestPostgresUrl());
for (const provider of PROVIDERS) {
  if (stale.length) break; // the migrations are compared with the derived schemas
  if (provider === 'postgresql' && !shadowServerUrl) {
    console.log('postgresql migrations not checked: no server (run .ci/postgres.sh, or set SHADOW_DATABASE_URL or TEST_DATABASE_URL_PG)');
    continue;
  }
  const sql = await pendingMigrationSql(provider, shadowServerUrl);
  if (sql)
    problems.push(`${provider}: the models changed without a migration; run npm run db:migration:create -- <name>. Missing SQL:\n${sql}`);
}

if (problems.length) {
  for (const p of problems) console.error(`db:check: ${p}`);
  process.exit(1);
}
console.log('db:check: derived schemas and migrations match prisma/schema.base.prisma');
// Exit explicitly: on PostgreSQL the wasm engine leaves a 10 s timer behind.
process.exit(0);
