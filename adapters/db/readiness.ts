import type { Database } from './create-database';
import { providerOf } from './database-url';
import { readMigrationList } from './migrations-dir';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** A database that takes longer than this to answer is as good as unreachable to a load balancer. */
const READY_TIMEOUT_MS = 2000;

/**
 * Ready when the database answers and records every migration this code ships as
 * applied: a process started from newer code before `db:migrate` ran (or an older
 * database restored under it) must not take traffic. The list is read once; the
 * database is asked each time.
 */
export async function databaseReadiness(db: Database, databaseUrl: string): Promise<() => Promise<Readiness>> {
  const expected = (await readMigrationList(providerOf(databaseUrl))).migrationDirectories.map((d) => d.path);
  return async () => {
    let applied: Set<string>;
    try {
      applied = new Set(await withinTimeout(db.appliedMigrations()));
    } catch {
      return { ready: false, reason: 'the database is unreachable' };
    }
    const missing = expected.filter((name) => !applied.has(name));
    if (missing.length === 0) return { ready: true };
    return { ready: false, reason: `${missing.length} database migration(s) not applied yet: run npm run db:migrate` };
  };
}

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READY_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type MigrationProgress = { applied: number; expected: number } | { unreadable: true };

/** How many of the migrations this code ships the database records as applied (for `ops`). */
export async function migrationProgress(db: Database, databaseUrl: string): Promise<() => Promise<MigrationProgress>> {
  const expected = (await readMigrationList(providerOf(databaseUrl))).migrationDirectories.map((d) => d.path);
  return async () => {
    try {
      const applied = new Set(await withinTimeout(db.appliedMigrations()));
      return { applied: expected.filter((name) => applied.has(name)).length, expected: expected.length };
    } catch {
      return { unreadable: true };
    }
  };
}
