import type {
  CustomerUserRepository,
  AccessRequestRepository,
  ChatAddressRepository,
  DomainRulesRepository,
  OrderRepository,
  SubscriberRepository,
  SupportCaseRepository,
  TransactionRepository,
  UserRepository,
  WorkOrderRepository,
  OutboxRepository,
  NotificationSettingsRepository,
  CustomerRepository,
  TemplateRepository,
  ServicesSetupRepository,
  ConnectActivationRepository,
} from '../../core/index';
import { createCustomerRepository, createTemplateRepository } from './onboarding.repository';
import { createNotificationSettingsRepository } from './notification-settings.repository';
import { createOutboxRepository } from './outbox.repository';
import { createServicesSetupRepository } from './services-setup.repository';
import type { SettingsCipher } from './settings-cipher';
import { createSettingsCipher } from './settings-cipher';
import { createAccessRequestRepository } from './access-request.repository';
import { createChatAddressRepository } from './chat-address.repository';
import type { Provider } from './database-url';
import { createDomainRulesRepository } from './domain-rules.repository';
import { createOrderRepository } from './order.repository';
import { createPrismaClient } from './prisma-client';
import { serialized, serializerFor } from './serialize-sqlite';
import type { SettingRepository } from './setting.repository';
import { createSettingRepository } from './setting.repository';
import { createSubscriberRepository } from './subscriber.repository';
import { createCustomerUserRepository } from './customer-user.repository';
import type { SystemEventRepository } from './system-event.repository';
import { createSystemEventRepository } from './system-event.repository';
import { createTransactionRepository } from './transaction.repository';
import { createSupportCaseRepository } from './support-case.repository';
import { createUserRepository } from './user.repository';
import { createWorkOrderRepository } from './work-order.repository';

export interface Database {
  orders: OrderRepository;
  transactions: TransactionRepository;
  supportCases: SupportCaseRepository;
  accessRequests: AccessRequestRepository;
  users: UserRepository;
  chatAddresses: ChatAddressRepository;
  settings: SettingRepository;
  workOrders: WorkOrderRepository;
  subscribers: SubscriberRepository;
  domainRules: DomainRulesRepository;
  /** Events raised by workflow steps, kept as a log (the outbox carries their notices). */
  systemEvents: SystemEventRepository;
  outbox: OutboxRepository;
  notificationSettings: NotificationSettingsRepository;
  templates: TemplateRepository;
  customers: CustomerRepository;
  customerUsers: CustomerUserRepository;
  /** The services setup wizard's state and the Connect activation deadlines (one repository, one store). */
  servicesSetups: ServicesSetupRepository & ConnectActivationRepository;
  provider: Provider;
  /** Resolves when the database answers a query (health checks). */
  ping(): Promise<void>;
  /** The migrations this database records as finished (readiness: are any of ours missing?). */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** The repositories the core takes (CoreDeps), from one database. */
export function coreRepositories(db: Database) {
  const { orders, transactions, accessRequests, users, workOrders, subscribers, domainRules, outbox, notificationSettings } = db;
  const { templates, customers, customerUsers, supportCases } = db;
  return {
    orders,
    transactions,
    accessRequests,
    users,
    workOrders,
    subscribers,
    domainRules,
    outbox,
    notificationSettings,
    templates,
    customers,
    customerUsers,
    supportCases,
  };
}

/** Without SETTINGS_KEY (scripts, tests that store no password) a password cannot be stored or read. */
const noKey: SettingsCipher = {
  seal: () => {
    throw new Error('an SMTP password cannot be stored: no SETTINGS_KEY was given to the database');
  },
  open: () => {
    throw new Error('a stored SMTP password cannot be read: no SETTINGS_KEY was given to the database');
  },
};

/**
 * The repositories over one connection (SQLite) or pool (PostgreSQL), picked by the
 * URL: file: → SQLite, postgres:// or postgresql:// → PostgreSQL (`?schema=` honoured).
 * Does not migrate: call migrate(databaseUrl) first.
 */
export async function createDatabase(
  databaseUrl: string,
  options: { settingsKey?: Buffer; onUnreadablePassword?: (scope: string, reason: string) => void } = {},
): Promise<Database> {
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
  // Every repository call queues behind the others on SQLite (see serialize-sqlite.ts).
  const serialize = serializerFor(databaseUrl, provider);
  const queued = <R extends object>(repository: R) => serialized(repository, serialize);
  return {
    orders: queued(createOrderRepository(client)),
    transactions: queued(createTransactionRepository(client)),
    supportCases: queued(createSupportCaseRepository(client)),
    accessRequests: queued(createAccessRequestRepository(client)),
    users: queued(createUserRepository(client)),
    chatAddresses: queued(createChatAddressRepository(client)),
    settings: queued(createSettingRepository(client)),
    workOrders: queued(createWorkOrderRepository(client)),
    subscribers: queued(createSubscriberRepository(client)),
    domainRules: queued(createDomainRulesRepository(client)),
    systemEvents: queued(createSystemEventRepository(client)),
    outbox: queued(createOutboxRepository(client, provider)),
    servicesSetups: queued(createServicesSetupRepository(client)),
    notificationSettings: queued(
      createNotificationSettingsRepository(
        client,
        options.settingsKey ? createSettingsCipher(options.settingsKey) : noKey,
        options.onUnreadablePassword,
      ),
    ),
    templates: queued(createTemplateRepository(client)),
    customers: queued(createCustomerRepository(client)),
    customerUsers: queued(createCustomerUserRepository(client)),
    provider,
    ping,
    appliedMigrations: async () =>
      (
        await client.$queryRawUnsafe<{ migration_name: string }[]>(
          'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
      ).map((r) => r.migration_name),
    close: () => client.$disconnect(),
  };
}
