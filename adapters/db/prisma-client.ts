import { PrismaClient as PostgresClient } from '../../prisma/generated/postgres/client';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client';
import type { Prisma } from '../../prisma/generated/sqlite/client';
import { adapterFactoryFor, providerOf } from './database-url';
import type { Provider } from './database-url';

/**
 * Prisma generates one client per provider (the provider is fixed in the schema and
 * each client embeds its own query compiler). Both come from the same models, so their
 * query APIs are the same; the repositories are written once against the SQLite
 * client's types, which the PostgreSQL client's accept as a subset.
 */
export type DbClient = InstanceType<typeof SqliteClient>;
export type DbTransaction = Prisma.TransactionClient;

export function createPrismaClient(databaseUrl: string): { client: DbClient; provider: Provider } {
  const provider = providerOf(databaseUrl);
  const adapter = adapterFactoryFor(databaseUrl);
  if (provider === 'sqlite') return { client: new SqliteClient({ adapter }), provider };
  return { client: new PostgresClient({ adapter }) as unknown as DbClient, provider };
}
