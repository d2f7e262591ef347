import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newSettingsKey, parseSettingsKey } from '../adapters/db/settings-cipher';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../adapters/fs/private-files';
import type { Env } from './config';

/**
 * The key SMTP passwords are encrypted with: SETTINGS_KEY, or (development, where
 * config allows it unset) a key generated once into SETTINGS_KEY_FILE, readable by
 * this user only. Never logged.
 */
export async function loadSettingsKey(env: Env): Promise<{ key: Buffer; source: string }> {
  if (env.SETTINGS_KEY) return { key: parseSettingsKey(env.SETTINGS_KEY), source: 'SETTINGS_KEY' };
  const file = env.SETTINGS_KEY_FILE;
  const stored = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (stored !== null) return { key: parseSettingsKey(stored), source: file };
  await makePrivateDir(dirname(file));
  const key = newSettingsKey();
  // 'wx': two processes starting at once do not overwrite each other's key.
  await writeFile(file, `${key}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return { key: parseSettingsKey(await readFile(file, 'utf8')), source: `${file} (generated)` };
}
