import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

/**
 * The bot's own data on a fresh install, as `npm start` lays it out (data/provbot.db,
 * data/settings.key, data/outbox/): the database holds the link-signing secret and the
 * .eml files hold working approval links, so no other user of the host may read them.
 */
let home = '';
let bot: TestBot;
const data = () => join(home, 'data');
const mode = async (path: string) => (await stat(path)).mode & 0o777;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'provbot-files-'));
  bot = await startTestBot({
    DATABASE_URL: `file:${join(data(), 'provbot.db')}`,
    SETTINGS_KEY_FILE: join(data(), 'settings.key'),
    OUTBOX_DIR: join(data(), 'outbox'),
  });
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('private data files', () => {
  it('creates data/ 0700 and the SQLite file, its -wal and -shm, and the settings key 0600', async () => {
    // The process umask (022 here) would give 0755 and 0644.
    expect(await mode(data())).toBe(0o700);
    for (const file of ['provbot.db', 'provbot.db-wal', 'provbot.db-shm', 'settings.key']) {
      expect(existsSync(join(data(), file)), file).toBe(true);
      expect(await mode(join(data(), file)), file).toBe(0o600);
    }
  });

  it('writes the outbox folder 0700 and each .eml 0600', async () => {
    const test = await bot.api('POST', '/api/notifications/test', { to: 'admin@acme.example', scope: 'system' });
    expect(test.body).toMatchObject({ ok: true });
    const outbox = join(data(), 'outbox');
    expect(await mode(outbox)).toBe(0o700);
    const emails = (await readdir(outbox)).filter((f) => f.endsWith('.eml'));
    expect(emails).toHaveLength(1);
    expect(await mode(join(outbox, emails[0]!))).toBe(0o600);
  });
});
