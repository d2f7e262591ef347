import { libPhoneNumbers } from '../../adapters/onboarding/phone-numbers';
import { createEmbeddedBackend } from '../../adapters/backend/embedded-backend';
import type { Database } from '../../adapters/db/create-database';
import { coreRepositories } from '../../adapters/db/create-database';
import type { ChatNotice, ChatNotifier, ChatTo, Core, EmailNotifier } from '../../core/index';
import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, DEFAULT_RATE_LIMITS, silentLogger, systemClock } from '../../core/index';

/**
 * In-process notifiers for the notification benches: they send nothing, they count.
 * Each send is recorded under a key, so a bench can prove every delivery arrived
 * exactly once (the outbox's promise) and not just that the dispatcher returned.
 */
export class NotificationSinks {
  /** Key → times received. Email: the delivery's idempotency key; chat: see chatKey. */
  readonly received = new Map<string, number>();

  get total(): number {
    let n = 0;
    for (const times of this.received.values()) n += times;
    return n;
  }

  get duplicates(): number {
    let n = 0;
    for (const times of this.received.values()) if (times > 1) n += times - 1;
    return n;
  }

  reset(): void {
    this.received.clear();
  }

  private record(key: string): void {
    this.received.set(key, (this.received.get(key) ?? 0) + 1);
  }

  readonly email: EmailNotifier = {
    senderAddress: 'provbot@bench.example',
    sendNotice: async ({ idempotencyKey }) => this.record(idempotencyKey),
    sendTestEmail: async ({ to, scope }) => this.record(`test:${scope}:${to}`),
  };

  readonly slack: ChatNotifier = {
    platform: 'slack',
    postNotice: async ({ to, notice }) => {
      this.record(chatKey(to, notice));
      return { platform: 'slack', address: `bench:${chatKey(to, notice)}` };
    },
    updateNotice: async ({ message }) => this.record(`update:${message.address}`),
  };
}

/**
 * A chat notifier is not given the delivery's key, so the chat sink names what it got
 * by destination and content: a system alert by its first event's summary (the benches
 * write the delivery key there), an activity by id and version.
 */
export function chatKey(to: ChatTo, notice: ChatNotice): string {
  const where = to.kind === 'user' ? to.platformUserId : to.address;
  switch (notice.kind) {
    case 'system-alert':
      return `${where}:${notice.events[0]?.summary ?? ''}`;
    case 'activity':
      return `${where}:activity:${notice.activity.id}:v${notice.activity.version}`;
    case 'digest':
      return `${where}:digest:${notice.items.map((i) => i.activity.id).join(',')}`;
    case 'test':
      return `${where}:test:${notice.scope}`;
    case 'customer-status':
      return `${where}:customer-status:${notice.customer.id}:${notice.status}`;
    case 'services-setup-offer':
      return `${where}:services-setup-offer:${notice.customer.id}:${notice.orderNumber}`;
    case 'access-request':
    case 'access-decision':
      return `${where}:${notice.kind}:${notice.request.id}`;
    case 'services-setup-progress':
      return `${where}:services-setup:${notice.summary.customerId}:v${notice.version}`;
    case 'order-summary':
      return `${where}:order-summary:${notice.summary.customerId}`;
  }
}

/**
 * The real core over a real database, with the sinks for email and Slack, the default
 * delivery policy, a silent log, and a trigger that does nothing: the bench calls the
 * dispatcher itself, so what it times is the dispatcher's own work.
 */
export function benchCore(db: Database, sinks: NotificationSinks): Core {
  return createCore({
    ...coreRepositories(db),
    phoneNumbers: libPhoneNumbers,
    backend: createEmbeddedBackend(),
    // No customers are created here.
    customerProvisioning: null,
    email: sinks.email,
    chat: [sinks.slack],
    clock: systemClock,
    log: silentLogger,
    deliveries: { deliveriesWritten: async () => {} },
    limits: createActorLimits(DEFAULT_RATE_LIMITS, systemClock),
    settings: { adminPortalUrl: 'https://admin.bench.example', delivery: DEFAULT_DELIVERY_POLICY },
  });
}
