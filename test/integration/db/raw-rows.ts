import { afterAll, beforeAll } from 'vitest';
import { providerOf } from '../../../adapters/db/database-url';
import { createPrismaClient } from '../../../adapters/db/prisma-client';
import { serializerFor } from '../../../adapters/db/serialize-sqlite';

/**
 * The tables as stored, read past the repositories: what a copy of the database would
 * show (an SMTP password must not be in it), and counts the ports do not offer. On
 * SQLite the statements queue with the repositories' own (see serialize-sqlite.ts).
 */
export interface RawTables {
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  count(table: string): Promise<number>;
  /** Empties the outbox tables, so each test starts from none. */
  clearOutbox(): Promise<void>;
  clear(table: string): Promise<void>;
  close(): Promise<void>;
}

export function openRawTables(url: string): RawTables {
  const { client } = createPrismaClient(url);
  const queued = serializerFor(url, providerOf(url));
  const clear = async (table: string) => void (await queued(() => client.$executeRawUnsafe(`DELETE FROM "${table}"`)));
  return {
    rows: (sql) => queued(() => client.$queryRawUnsafe(sql)),
    async count(table) {
      const [row] = await queued(() => client.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}"`));
      return Number(row?.n ?? 0);
    },
    clear,
    async clearOutbox() {
      for (const table of ['deliveries', 'digest_items', 'escalations']) await clear(table);
    },
    close: () => client.$disconnect(),
  };
}

/** Raw access to the enclosing block's database (`url` is read once the block starts). */
export function useRawTables(url: () => string): RawTables {
  let raw: RawTables | undefined;
  beforeAll(() => {
    raw = openRawTables(url());
  });
  afterAll(async () => {
    await raw?.close();
  });
  const get = () => {
    if (!raw) throw new Error('raw tables are only ready inside tests');
    return raw;
  };
  return {
    rows: (sql) => get().rows(sql),
    count: (table) => get().count(table),
    clearOutbox: () => get().clearOutbox(),
    clear: (table) => get().clear(table),
    close: async () => {},
  };
}
