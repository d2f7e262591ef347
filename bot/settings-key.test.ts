import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { loadSettingsKey } from './settings-key';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the SMTP-password key', () => {
  it('is generated once into SETTINGS_KEY_FILE, readable by this user only, and the same on the next start', async () => {
    dir = await mkdtemp(join(tmpdir(), 'provbot-key-'));
    const file = join(dir, 'nested', 'settings.key');
    const env = loadConfig({ SETTINGS_KEY_FILE: file }).env;
    const first = await loadSettingsKey(env);
    const second = await loadSettingsKey(env);
    expect(first.key).toHaveLength(32);
    expect(second.key.equals(first.key)).toBe(true);
    expect(first.source).toContain('generated');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('comes from SETTINGS_KEY when set, and a damaged key file stops start-up with the reason', async () => {
    dir = await mkdtemp(join(tmpdir(), 'provbot-key-'));
    const key = Buffer.alloc(32, 3);
    expect((await loadSettingsKey(loadConfig({ SETTINGS_KEY: key.toString('hex') }).env)).key.equals(key)).toBe(true);
    const file = join(dir, 'settings.key');
    await writeFile(file, 'not a key\n');
    await expect(loadSettingsKey(loadConfig({ SETTINGS_KEY_FILE: file }).env)).rejects.toThrow(/SETTINGS_KEY must be 32 bytes/);
    expect(await readFile(file, 'utf8')).toBe('not a key\n');
  });
});
