import type {
  AccessRequestRepository,
  ChatAddressRepository,
  OrderRepository,
  TransactionRepository,
  UserRepository,
} from '../../core/index';
import { createAccessRequestRepository } from './access-request.repository';
import { createChatAddressRepository } from './chat-address.repository';
import type { Provider } from './database-url';
import { createOrderRepository } from './order.repository';
import { createPrismaClient } from './prisma-client';
import type { SettingRepository } from './setting.repository';
import { createSettingRepository } from './setting.repository';
import { createTransactionRepository } from './transaction.repository';
import { createUserRepository } from './user.repository';

export interface Database {
  orders: OrderRepository;
  transactions: TransactionRepository;
  accessRequests: AccessRequestRepository;
  users: UserRepository;
  chatAddresses: ChatAddressRepository;
  settings: SettingRepository;
  provider: Provider;
  /** Resolves when the database answers a query (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The repositories over one connection (SQLite) or pool (PostgreSQL), picked by the
 * URL: file: → SQLite, postgres:// or postgresql:// → PostgreSQL (`?schema=` honoured).
 * Does not migrate: call migrate(databaseUrl) first.
 */
export async function createDatabase(databaseUrl: string): Promise<Database> {
  const { client, provider } = createPrismaClient(databaseUrl);
  const ping = async () => void (await client.$queryRawUnsafe('SELECT 1'));
  // WAL lets readers proceed while one connection writes, so a second bot process (or
  // a script such as the seed) does not stall the first. The file keeps the setting.
  if (provider === 'sqlite') await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  // Connections open lazily: query once so a wrong URL fails here, at start-up.
  await ping().catch(async (err: unknown) => {
    await client.$disconnect();
    throw err;
  });
  return {
    orders: createOrderRepository(client),
    transactions: createTransactionRepository(client),
    accessRequests: createAccessRequestRepository(client),
    users: createUserRepository(client),
    chatAddresses: createChatAddressRepository(client),
    settings: createSettingRepository(client),
    provider,
    ping,
    close: () => client.$disconnect(),
  };
}
