import type { Database } from '../../adapters/db/create-database';
import { createDatabase } from '../../adapters/db/create-database';
import { migrate } from '../../adapters/db/migrate';
import type { DbClient } from '../../adapters/db/prisma-client';
import { createPrismaClient } from '../../adapters/db/prisma-client';
import type { Serializer } from '../../adapters/db/serialize-sqlite';
import { serializerFor } from '../../adapters/db/serialize-sqlite';
import type { BenchDatabase } from './bench-databases';

/**
 * A migrated bench database, opened twice: as the bot opens it (the repositories the
 * core takes), and as a raw Prisma client for what no repository offers (bulk seeding,
 * counting rows, query plans). Raw work goes through the same per-file queue as the
 * repositories, because on SQLite a second client waiting for the write lock blocks
 * the event loop the first one needs (see adapters/db/serialize-sqlite.ts).
 */
export interface OpenBenchDatabase {
  db: Database;
  raw<T>(work: (client: DbClient) => Promise<T>): Promise<T>;
  provider: Database['provider'];
}

export async function withBenchDatabase<T>(bench: BenchDatabase, work: (open: OpenBenchDatabase) => Promise<T>): Promise<T> {
  const open = await openBenchDatabase(bench);
  try {
    return await work(open);
  } finally {
    await open.close();
  }
}

/** Migrates and opens; `close` disconnects and drops the database, also when opening failed halfway. */
export async function openBenchDatabase(bench: BenchDatabase): Promise<OpenBenchDatabase & { close(): Promise<void> }> {
  let db: Database | null = null;
  let client: DbClient | null = null;
  const close = async () => {
    try {
      await client?.$disconnect();
      await db?.close();
    } finally {
      await bench.drop();
    }
  };
  try {
    await migrate(bench.url);
    db = await createDatabase(bench.url);
    const opened = createPrismaClient(bench.url);
    client = opened.client;
    const raw = client;
    const queue: Serializer = serializerFor(bench.url, opened.provider);
    return { db, provider: opened.provider, raw: (job) => queue(() => job(raw)), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Hands `items` to `job` in slices of `size`, one slice after another. */
export async function inSlices<T>(items: T[], size: number, job: (slice: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await job(items.slice(i, i + size));
}

/** run-bench starts node with --expose-gc; without it this is a no-op. */
export const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
