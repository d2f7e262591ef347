import { existsSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Whether the SQLite file already records every migration in the folder as finished.
 * Why ask before opening the schema engine: it locks the file for itself (PRAGMA
 * main.locking_mode=EXCLUSIVE) even when nothing is pending, so beside another process
 * that has the file open (a running bot, the seed script) it waits out the busy
 * timeout and fails. Read-only, and closed at once.
 */
export function sqliteUpToDate(file: string, migrations: MigrationList): boolean {
  if (!existsSync(file)) return false;
  const db = new Sqlite(file, { readonly: true, timeout: 10_000 });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return false;
    const rows = db
      .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrations.migrationDirectories.every((d) => applied.has(d.path));
  } finally {
    db.close();
  }
}
