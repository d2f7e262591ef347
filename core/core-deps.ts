import type { AccessRequestRepository } from './ports/access-request-repository.port';
import type { ChatNotifier } from './ports/chat-notifier.port';
import type { Clock } from './ports/clock.port';
import type { EmailNotifier } from './ports/email-notifier.port';
import type { Logger } from './ports/logger.port';
import type { OrderRepository } from './ports/order-repository.port';
import type { TransactionRepository } from './ports/transaction-repository.port';
import type { UserRepository } from './ports/user-repository.port';
import type { DomainRulesRepository } from './ports/domain-rules-repository.port';
import type { ProvisioningBackend } from './ports/provisioning-backend.port';
import type { SubscriberRepository } from './ports/subscriber-repository.port';
import type { WorkOrderRepository } from './ports/work-order-repository.port';
import type { SupportCaseRepository } from './ports/support-case-repository.port';
import type { OutboxRepository } from './ports/outbox-repository.port';
import type { NotificationSettingsRepository } from './ports/notification-settings-repository.port';
import type { DeliveryTrigger } from './ports/delivery-trigger.port';
import type { DeliveryPolicy } from './notifications/delivery-policy';
import type { CustomerProvisioning } from './ports/customer-provisioning.port';
import type { CustomerRepository, TemplateRepository } from './ports/onboarding-repository.port';
import type { CustomerUserRepository } from './ports/customer-user-repository.port';
import type { PhoneNumbers } from './ports/phone-numbers.port';
import type { ActorLimits } from './limits/actor-limits';
import type { OperationsMonitor } from './ports/operations-monitor.port';
import type { SelfReport } from './ports/self-report.port';
import type { CustomerDirectory } from './ports/customer-directory.port';
import type { ConnectActivationRepository, ServicesSetupRepository } from './ports/services-setup-repository.port';
import type { ServicesSetupBackend } from './ports/services-setup-backend.port';

/** Everything a use case may touch. Built once by bot/main.ts (or a test). */
export interface CoreDeps {
  orders: OrderRepository;
  transactions: TransactionRepository;
  accessRequests: AccessRequestRepository;
  supportCases: SupportCaseRepository;
  users: UserRepository;
  workOrders: WorkOrderRepository;
  subscribers: SubscriberRepository;
  domainRules: DomainRulesRepository;
  backend: ProvisioningBackend;
  /** The transactional outbox: notices written with the changes that cause them. */
  outbox: OutboxRepository;
  notificationSettings: NotificationSettingsRepository;
  deliveries: DeliveryTrigger;
  email: EmailNotifier;
  chat: ChatNotifier[];
  clock: Clock;
  log: Logger;
  settings: CoreSettings;
  /**
   * Where customer organizations are created (Webex Wholesale, or its embedded
   * simulator); null when none is wired, and then creating customers is refused.
   */
  customerProvisioning: CustomerProvisioning | null;
  templates: TemplateRepository;
  customers: CustomerRepository;
  /** The users added to customers, each recorded before Webex is asked (one per customer and email). */
  customerUsers: CustomerUserRepository;
  /** Whether a phone number is valid for a country (libphonenumber-js in adapters). */
  phoneNumbers: PhoneNumbers;
  /** Per-person rate limits (createActorLimits), so one user cannot flood others or the database. */
  limits: ActorLimits;
  /**
   * The services setup's own ports: read when a setup's progress message or order
   * summary is sent, and used to submit a setup a partner's administrator approved
   * (access/domain-action.ts). Absent where the services setup is not wired (then those
   * deliveries have nothing to show, and such an approval is refused).
   */
  servicesSetup?: ServicesSetupPorts;
  /** Deliveries tried and decisions made, for metrics and log correlation; none when absent. */
  monitor?: OperationsMonitor;
  /** What the running process knows about itself (version, parts, ticks, errors), for `ops`; absent in core tests. */
  self?: SelfReport;
}

export interface CoreSettings {
  /** Where the provisioning contact or an admin completes setup after the PONR. */
  adminPortalUrl: string;
  delivery: DeliveryPolicy;
  /** Where support cases are emailed (SUPPORT_EMAIL); unset, `case` says where else to go. */
  supportEmail?: string | null;
  /** The support portal shown with a case (SUPPORT_URL), optional. */
  supportUrl?: string | null;
}

/** What the services setup uses beside the core's own ports (services-setup-deps.ts). */
export interface ServicesSetupPorts {
  customers: CustomerDirectory;
  servicesSetups: ServicesSetupRepository;
  connectActivations: ConnectActivationRepository;
  setupBackend: ServicesSetupBackend;
}
