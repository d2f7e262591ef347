import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

/**
 * provbot's own data (the SQLite file with the link-signing secret, the settings key,
 * the .eml outbox with working approval links) is for the bot's user alone: anyone
 * else with a shell on the host could otherwise forge an approval link. Folders
 * provbot creates are 0700, files 0600, whatever the process umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * `mkdir -p` with 0700 for each folder it creates. A folder that exists keeps its mode:
 * DATABASE_URL or OUTBOX_DIR may name a place in a folder shared with others (/tmp),
 * and the files inside are private anyway.
 */
export function makePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * The SQLite file, created empty as 0600 before SQLite opens it (an empty file is a
 * valid empty database), and made 0600 if an older version left it 0644. SQLite gives
 * the -wal and -shm files it creates the permissions of the database file
 * (os_unix.c, robust_open/findCreateFileMode); any already there are made 0600 too.
 * An existing file is changed by path only: opening and closing another descriptor on
 * it would drop this process's SQLite locks on it (POSIX advisory locks are per process).
 */
export function makeSqliteFilePrivate(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
