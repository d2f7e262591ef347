import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSqliteFilePrivate } from './private-files';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('makeSqliteFilePrivate', () => {
  it('makes a database an older version left 0644 (and its -wal and -shm) 0600, keeping its content', async () => {
    dir = await mkdtemp(join(tmpdir(), 'provbot-private-'));
    const db = join(dir, 'provbot.db');
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      await writeFile(file, 'rows');
      await chmod(file, 0o644);
    }
    makeSqliteFilePrivate(db);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(await mode(file), file).toBe(0o600);
    expect((await stat(db)).size).toBe(4);
  });
});
