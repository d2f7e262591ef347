import { CoreError, hasRole } from '../../core/index';
import { InMemoryOutbox } from './in-memory-outbox';
import type {
  Activity,
  DirectoryUser,
  DomainRules,
  DomainRulesRepository,
  ItemOutcome,
  OrderItem,
  OrderSearch,
  PostedMessage,
  ProductNote,
  ProductType,
  ProvisioningBackend,
  Subscriber,
  SubscriberProduct,
  SubscriberRepository,
  SystemEvent,
  WorkflowChange,
  WorkOrder,
  WorkOrderRepository,
} from '../../core/index';

/** Subscribers and their products, as adapters/db keeps them. */
export class InMemorySubscribers implements SubscriberRepository {
  readonly subscribers = new Map<string, Subscriber>();
  readonly products = new Map<string, SubscriberProduct>();

  async upsert(s: Subscriber) {
    this.subscribers.set(s.login, structuredClone(s));
    return structuredClone(s);
  }
  async findByLogin(login: string) {
    const s = this.subscribers.get(login);
    return s ? structuredClone(s) : null;
  }
  async listProducts(login: string) {
    const all = [...this.products.values()];
    const own = all.filter((p) => p.subscriberLogin === login);
    // "the phone and all lines on it are displayed in each of the user's subscriber record" (Line on a Shared Phone);
    // in the order provisioned, as adapters/db lists them.
    const inRecord = (p: SubscriberProduct) => p.subscriberLogin === login || (p.shared && own.some((o) => o.parentId === p.id));
    return structuredClone(all.filter(inRecord));
  }
  async findProduct(id: string) {
    const p = this.products.get(id);
    return p ? structuredClone(p) : null;
  }
  async listAttachedTo(productId: string) {
    return structuredClone([...this.products.values()].filter((p) => p.parentId === productId));
  }
  async addNote(productId: string, note: ProductNote) {
    const p = this.products.get(productId);
    // As adapters/db: the product was cancelled (its notes with it) since the caller looked it up.
    if (!p) throw new CoreError('PRODUCT_NOT_FOUND', { productId });
    // Notes read back oldest first, whenever they were added.
    p.notes = [...p.notes, structuredClone(note)].sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  /** Test setup: a product already in the record. */
  seed(product: Partial<SubscriberProduct> & Pick<SubscriberProduct, 'id' | 'subscriberLogin' | 'type'>): SubscriberProduct {
    const full: SubscriberProduct = {
      domain: 'acme.example',
      attributes: {},
      parentId: null,
      shared: false,
      openOrderNumber: null,
      notes: [],
      ...product,
    };
    this.products.set(full.id, structuredClone(full));
    return full;
  }
}

/**
 * Work orders with the commit semantics adapters/db promises: every version checked,
 * all or nothing, the step's notices written to the outbox in the same commit.
 */
export class InMemoryWorkOrders implements WorkOrderRepository {
  readonly orders = new Map<string, WorkOrder>();
  readonly activities = new Map<string, Activity>();
  readonly posted = new Map<string, PostedMessage[]>();
  /** One database: the outbox records where a notice was posted in this store. */
  readonly outbox = new InMemoryOutbox(this.posted);
  readonly events: SystemEvent[] = [];
  readonly commits: WorkflowChange[] = [];
  private counter = 0;

  constructor(private readonly subscribers: InMemorySubscribers) {}

  async nextOrderNumber() {
    this.counter += 1;
    return `WO-${String(this.counter).padStart(6, '0')}`;
  }
  async commit(change: WorkflowChange) {
    const current = this.orders.get(change.order.next.number);
    if (!versionMatches(current?.version, change.order.expectedVersion)) return false;
    for (const a of change.activities) if (!versionMatches(this.activities.get(a.next.id)?.version, a.expectedVersion)) return false;
    for (const id of change.products?.expectUnmarked ?? []) if (this.subscribers.products.get(id)?.openOrderNumber) return false;
    this.commits.push(structuredClone(change));
    this.orders.set(change.order.next.number, structuredClone(change.order.next));
    for (const a of change.activities) this.activities.set(a.next.id, structuredClone(a.next));
    // As adapters/db/work-order-commit.ts: a put replaces the product but its notes, which are only
    // appended (addNote), so a step built from an older read cannot drop one; a new product keeps its own.
    for (const p of change.products?.put ?? [])
      this.subscribers.products.set(p.id, {
        ...structuredClone(p),
        notes: this.subscribers.products.get(p.id)?.notes ?? structuredClone(p.notes),
      });
    for (const id of change.products?.remove ?? []) this.subscribers.products.delete(id);
    this.events.push(...structuredClone(change.events ?? []));
    if (change.notices) this.outbox.applyStepNotices(change.notices);
    return true;
  }
  async findByNumber(n: string) {
    const o = this.orders.get(n);
    return o ? structuredClone(o) : null;
  }
  async listActivities(n: string) {
    return structuredClone([...this.activities.values()].filter((a) => a.orderNumber === n).sort(oldestFirst));
  }
  async findActivity(id: string) {
    const a = this.activities.get(id);
    return a ? structuredClone(a) : null;
  }
  async listActivitiesFor(user: DirectoryUser, limit: number) {
    const mine = [...this.activities.values()].filter(
      (a) =>
        (a.status === 'Open' || a.status === 'Accepted') &&
        (a.assignee.kind === 'user'
          ? a.assignee.email.toLowerCase() === user.email.toLowerCase()
          : hasRole(user, a.assignee.role, a.domain)),
    );
    return structuredClone(mine.sort(oldestFirst).slice(0, limit));
  }
  /**
   * As adapters/db/work-order-search.ts: text criteria trimmed and lowercased, the subscriber's
   * name matched on "first last", a phone number on its digits only (a query without a digit
   * matches nothing), the order number in upper case, the login trimmed.
   */
  async search(c: OrderSearch, limit: number) {
    const text = (q: string) => q.trim().toLowerCase();
    // A subscriber criterion on a missing subscriber or an empty column matches nothing, as the database's join and LIKE.
    const has = (v: string | null | undefined, q: string | undefined) => q === undefined || (v != null && text(v).includes(text(q)));
    const digits = (v: string) => v.replace(/\D/g, '');
    const phoneMatches = (v: string | null | undefined, q: string | undefined) =>
      q === undefined || (v != null && digits(q) !== '' && digits(v).includes(digits(q)));
    const found = [...this.orders.values()].filter((o) => {
      const s = this.subscribers.subscribers.get(o.subscriberLogin);
      return (
        (c.domains === null || c.domains.includes(o.domain)) &&
        (c.orderNumber === undefined || o.number === c.orderNumber.trim().toUpperCase()) &&
        (c.author === undefined || has(o.author.name, c.author) || has(o.author.email, c.author)) &&
        (c.state === undefined || o.state === c.state) &&
        (c.extendedStatus === undefined || o.extendedStatus === c.extendedStatus) &&
        (c.kind === undefined || o.kind === c.kind) &&
        (c.subscriberLogin === undefined || o.subscriberLogin === c.subscriberLogin.trim()) &&
        has(s && `${s.firstName} ${s.lastName}`, c.subscriberName) &&
        phoneMatches(s?.phoneNumber, c.subscriberPhone) &&
        has(s?.email, c.subscriberEmail) &&
        has(s?.department, c.department) &&
        (c.domain === undefined || o.domain === c.domain) &&
        (c.orderDate === undefined || o.createdAt.toISOString().slice(0, 10) === c.orderDate) &&
        (c.requestedDeliveryDate === undefined || o.requestedDeliveryDate === c.requestedDeliveryDate)
      );
    });
    return structuredClone(
      found.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || y.number.localeCompare(x.number)).slice(0, limit),
    );
  }
  async addPostedMessage(activityId: string, m: PostedMessage) {
    this.posted.set(activityId, [...(this.posted.get(activityId) ?? []), m]);
  }
  async listPostedMessages(activityId: string) {
    return structuredClone(this.posted.get(activityId) ?? []);
  }
}

/** Oldest first, as adapters/db orders activities (a stable sort keeps insertion order for ties, like its seq). */
const oldestFirst = (x: Activity, y: Activity) => x.createdAt.getTime() - y.createdAt.getTime();

const versionMatches = (stored: number | undefined, expected: number | null) =>
  expected === null ? stored === undefined : stored === expected;

export class InMemoryDomainRules implements DomainRulesRepository {
  readonly rules = new Map<string, DomainRules>();
  async find(domain: string) {
    const r = this.rules.get(domain);
    return r ? structuredClone(r) : null;
  }
  async save(rules: DomainRules) {
    this.rules.set(rules.domain, structuredClone(rules));
  }
}

/** A provisioning backend that succeeds, numbering new products prod-1, prod-2, ..., unless told to fail a product type. */
export class InMemoryBackend implements ProvisioningBackend {
  readonly calls: { orderNumber: string; items: OrderItem[] }[] = [];
  private readonly failures: { type: ProductType; kind: 'recoverable' | 'unrecoverable'; message: string; times: number }[] = [];
  private nextId = 0;
  /** When set, execute throws, like a backend that is down. */
  down: string | null = null;

  fail(type: ProductType, kind: 'recoverable' | 'unrecoverable', message = `${type} could not be provisioned`, times = 1) {
    this.failures.push({ type, kind, message, times });
  }
  async execute(order: WorkOrder, items: OrderItem[]) {
    this.calls.push(structuredClone({ orderNumber: order.number, items }));
    if (this.down) throw new Error(this.down);
    const outcomes: ItemOutcome[] = [];
    for (const item of items) {
      const failure = this.failures.find((f) => f.type === item.type && f.times > 0);
      if (failure) {
        failure.times -= 1;
        outcomes.push({ ok: false, itemNumber: item.itemNumber, kind: failure.kind, message: failure.message });
        break;
      }
      outcomes.push({ ok: true, itemNumber: item.itemNumber, productId: item.productId ?? `prod-${++this.nextId}` });
    }
    return outcomes;
  }
}

/** A work order not yet stored (Initial, version 0), for the pure machine's tests. */
export function anInitialOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  const at = new Date('2026-11-23T10:00:00Z');
  return {
    number: 'WO-000001',
    kind: 'Add',
    changeKind: null,
    orderable: 'Enhanced Phone Service',
    domain: 'acme.example',
    subscriberLogin: 'jdoe',
    newOwnerLogin: null,
    author: { name: 'Olive Orderer', email: 'olive@acme.example', channel: 'slack' },
    origin: 'chat',
    items: [
      { itemNumber: 1, type: 'Phone', attributes: { phoneType: '7945' }, productId: null, parentItemNumber: null, parentProductId: null },
      {
        itemNumber: 2,
        type: 'Line',
        attributes: { lineType: 'Auto-assigned', displayName: 'Jane Doe' },
        productId: null,
        parentItemNumber: 1,
        parentProductId: null,
      },
      {
        itemNumber: 3,
        type: 'Voicemail',
        attributes: { alias: 'jdoe', displayName: 'Jane Doe' },
        productId: null,
        parentItemNumber: 2,
        parentProductId: null,
      },
    ],
    state: 'Initial',
    extendedStatus: null,
    failure: null,
    requestedDeliveryDate: null,
    createdAt: at,
    updatedAt: at,
    version: 0,
    ...overrides,
  };
}
