import { readdirSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { migrateInChild } from '../../../adapters/db/migrate-in-child';
import { migrationsDir } from '../../../adapters/db/migrations-dir';
import { TARGETS, describeOn } from './test-databases';

const committed = (provider: 'sqlite' | 'postgresql') =>
  readdirSync(migrationsDir(provider), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

for (const target of TARGETS) {
  describeOn(target, 'migrateInChild()', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const drop of cleanups.splice(0)) await drop();
    });

    it('applies every migration in a child process and answers with their names, then none on a second run', {
      timeout: 60_000,
    }, async () => {
      const { url, drop } = await target.fresh();
      cleanups.push(drop);
      expect(await migrateInChild(url)).toEqual({ applied: committed(target.name) });
      expect(await migrateInChild(url)).toEqual({ applied: [] });
    });
  });
}

it("rejects with the child's reason when the database cannot be migrated", { timeout: 60_000 }, async () => {
  await expect(migrateInChild('postgres://provbot:wrong@127.0.0.1:1/nowhere')).rejects.toThrow(/./);
});
