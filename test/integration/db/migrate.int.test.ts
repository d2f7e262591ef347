import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sqliteFile } from '../../../adapters/db/database-url';
import { migrationsDir } from '../../../adapters/db/migrations-dir';
import { migrate } from '../../../adapters/db/migrate';
import { createPrismaClient } from '../../../adapters/db/prisma-client';
import { pendingMigrationSql } from '../../../scripts/db/create-migration';
import { outOfSyncSchemas } from '../../../scripts/db/derive-schemas';
import { PG_URL, TARGETS, describeOn } from './test-databases';

const committed = (provider: 'sqlite' | 'postgresql') =>
  readdirSync(migrationsDir(provider), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

for (const target of TARGETS) {
  describeOn(target, 'migrate()', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const drop of cleanups.splice(0)) await drop();
    });

    it('applies every migration to a fresh database, then nothing on a second run', async () => {
      const { url, drop } = await target.fresh();
      cleanups.push(drop);
      expect(committed(target.name).length).toBeGreaterThan(0);
      expect(await migrate(url)).toEqual({ applied: committed(target.name) });
      expect(await migrate(url)).toEqual({ applied: [] });

      // The same bookkeeping as `prisma migrate deploy`, so the Prisma CLI agrees with us.
      const { client } = createPrismaClient(url);
      try {
        const rows = await client.$queryRawUnsafe<{ migration_name: string; finished: number }[]>(
          'SELECT migration_name, CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END AS finished FROM _prisma_migrations ORDER BY migration_name',
        );
        expect(rows.map((r) => [r.migration_name, Number(r.finished)])).toEqual(committed(target.name).map((m) => [m, 1]));
      } finally {
        await client.$disconnect();
      }
    });

    if (target.name === 'sqlite') {
      it('creates the SQLite file and its directory when they are missing', async () => {
        const { url, drop } = await target.fresh();
        cleanups.push(drop);
        const nested = url.replace(/test\.db$/, 'data/nested/provbot.db');
        expect(existsSync(dirname(sqliteFile(nested)))).toBe(false);
        expect((await migrate(nested)).applied).toEqual(committed('sqlite'));
        expect(existsSync(sqliteFile(nested))).toBe(true);
      });
    }
  });
}

describeOn(TARGETS[0]!, 'the committed schema files', () => {
  it('derive from prisma/schema.base.prisma (npm run db:derive)', async () => {
    expect((await outOfSyncSchemas()).map((s) => s.path)).toEqual([]);
  });

  it('have a migration for every model change (npm run db:migration:create -- <name>)', async () => {
    expect(await pendingMigrationSql('sqlite')).toBe('');
  });
});

describeOn(TARGETS[1]!, 'the committed schema files', () => {
  it('have a PostgreSQL migration for every model change', async () => {
    expect(await pendingMigrationSql('postgresql', PG_URL)).toBe('');
  });
});
