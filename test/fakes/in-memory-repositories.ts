import { ANY_DOMAIN, CoreError, openRequestKey } from '../../core/index';
import { InMemoryOutbox } from './in-memory-outbox';
import type {
  AccessRequest,
  AccessRequestRepository,
  ChatAddressRepository,
  ChatPlatform,
  DirectoryUser,
  Order,
  OrderRepository,
  OutboxWrites,
  ProvisioningTransaction,
  NewSupportCase,
  Role,
  SupportCase,
  SupportCaseRepository,
  TransactionRepository,
  UserRepository,
  UserUpsert,
} from '../../core/index';

/** Newest first; of rows created in the same millisecond, the one recorded last first (as adapters/db orders by id). */
const newestFirst = <T extends { createdAt: Date }>(rows: T[]): T[] =>
  rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.createdAt.getTime() - a.row.createdAt.getTime() || b.i - a.i)
    .map((x) => x.row);

/** In-memory ports with the same semantics as adapters/db, for core unit tests. */
export class InMemoryOrders implements OrderRepository {
  readonly orders = new Map<string, Order>();

  async create(order: Order) {
    if (this.orders.has(order.number)) throw new CoreError('CONFLICT', { reason: `order ${order.number} already exists` });
    // As adapters/db: a line number is unique within its order, and lines read back in line-number order.
    const lines = [...order.lines].sort((a, b) => a.lineNumber - b.lineNumber);
    if (lines.some((l, i) => i > 0 && l.lineNumber === lines[i - 1]!.lineNumber))
      throw new Error(`order ${order.number} repeats a line number`);
    const stored = structuredClone({ ...order, lines });
    this.orders.set(order.number, stored);
    return structuredClone(stored);
  }
  async findByNumber(n: string) {
    const o = this.orders.get(n);
    return o ? structuredClone(o) : null;
  }
  async findNumbersBySubscription(subscriptionId: string) {
    return [...this.orders.values()].filter((o) => o.subscriptionId === subscriptionId).map((o) => o.number);
  }
  async updateLines(n: string, patches: { lineNumber: number; patch: Partial<Order['lines'][number]> }[]) {
    if (patches.length === 0) return;
    const o = this.orders.get(n);
    if (!o) throw new Error(`no order ${n}`);
    const next = structuredClone(o);
    for (const { lineNumber, patch } of patches) {
      const line = next.lines.find((l) => l.lineNumber === lineNumber);
      if (!line) throw new Error(`no line ${lineNumber}`);
      Object.assign(line, patch);
    }
    this.orders.set(n, next);
  }
  async claimInitialEmail(n: string, lineNumber: number, sentAt: Date, windowEndsAt: Date) {
    const line = this.orders.get(n)?.lines.find((l) => l.lineNumber === lineNumber);
    if (!line || line.provisioningEmailSentAt || line.ponrAt || line.status !== 'Awaiting Provisioning Details') return false;
    Object.assign(line, { provisioningEmailSentAt: sentAt, windowEndsAt });
    return true;
  }
  async releaseInitialEmail(n: string, lineNumber: number) {
    const line = this.orders.get(n)?.lines.find((l) => l.lineNumber === lineNumber);
    if (line) Object.assign(line, { provisioningEmailSentAt: null, windowEndsAt: null });
  }
  async findLinesDueForInitialEmail(day: string, limit: number) {
    const due: { orderNumber: string; lineNumber: number }[] = [];
    // As adapters/db: earliest requested start first, then the order placed first, then line number.
    const byStart = [...this.orders.values()].sort((a, b) => a.requestedStartDate.localeCompare(b.requestedStartDate));
    for (const o of byStart) {
      if (o.requestedStartDate > day) continue;
      for (const l of o.lines) {
        if (l.status === 'Awaiting Provisioning Details' && !l.provisioningEmailSentAt && !l.ponrAt)
          due.push({ orderNumber: o.number, lineNumber: l.lineNumber });
      }
    }
    return due.slice(0, limit);
  }
  async closeExpiredLines(now: Date) {
    const closed: { orderNumber: string; lineNumber: number }[] = [];
    for (const o of this.orders.values()) {
      for (const l of o.lines) {
        if (l.status === 'Awaiting Provisioning Details' && l.windowEndsAt && l.windowEndsAt <= now) {
          Object.assign(l, { status: 'Closed', closedAt: now });
          closed.push({ orderNumber: o.number, lineNumber: l.lineNumber });
        }
      }
    }
    return closed;
  }
  async findLinesByWindowEnd(input: {
    status: Order['lines'][number]['status'];
    from: Date;
    to: Date;
    limit: number;
    latestFirst?: boolean;
  }) {
    const found = [...this.orders.values()].flatMap((order) =>
      order.lines
        .filter((l) => l.status === input.status && l.windowEndsAt && l.windowEndsAt >= input.from && l.windowEndsAt < input.to)
        .map((line) => ({ order, line })),
    );
    found.sort((a, b) => (a.line.windowEndsAt!.getTime() - b.line.windowEndsAt!.getTime()) * (input.latestFirst ? -1 : 1));
    return structuredClone(found.slice(0, input.limit));
  }
}

export class InMemoryTransactions implements TransactionRepository {
  readonly rows: ProvisioningTransaction[] = [];
  /** One database: a row's notices go to this outbox in the same step. */
  constructor(private readonly outbox: InMemoryOutbox = new InMemoryOutbox()) {}
  async record(
    tx: Omit<ProvisioningTransaction, 'id' | 'status' | 'error' | 'completedAt'>,
    outbox?: (recorded: ProvisioningTransaction) => OutboxWrites,
  ) {
    const row: ProvisioningTransaction = { ...tx, id: String(this.rows.length + 1), status: 'Pending', error: null, completedAt: null };
    const writes = outbox?.(structuredClone(row));
    this.rows.push(row);
    if (writes) this.outbox.writeInStep(writes);
    return { ...row };
  }
  async findById(id: string) {
    const row = this.rows.find((r) => r.id === id);
    return row ? structuredClone(row) : null;
  }
  async complete(id: string, status: 'Sent' | 'Failed', completedAt: Date, error?: string) {
    const row = this.rows.find((r) => r.id === id);
    // As adapters/db: the id came from record(), a miss is a bug.
    if (!row) throw new Error(`no provisioning transaction ${id}`);
    Object.assign(row, { status, completedAt, error: error ?? null });
  }
  async completePendingForLine(n: string, lineNumber: number, status: 'Sent' | 'Failed', completedAt: Date, error?: string) {
    for (const r of this.rows) {
      if (r.orderNumber === n && r.lineNumber === lineNumber && r.status === 'Pending')
        Object.assign(r, { status, completedAt, error: error ?? null });
    }
  }
  async listForOrder(n: string, limit: number) {
    return structuredClone(newestFirst(this.rows.filter((r) => r.orderNumber === n)).slice(0, limit));
  }
}

export class InMemorySupportCases implements SupportCaseRepository {
  readonly rows: SupportCase[] = [];
  constructor(private readonly outbox: InMemoryOutbox = new InMemoryOutbox()) {}
  async open(supportCase: NewSupportCase, outbox: (opened: SupportCase) => OutboxWrites) {
    const row: SupportCase = { ...structuredClone(supportCase), number: `CASE-${this.rows.length + 1}` };
    const writes = outbox(structuredClone(row));
    this.rows.push(row);
    this.outbox.writeInStep(writes);
    return structuredClone(row);
  }
  async findByNumber(caseNumber: string) {
    const row = this.rows.find((r) => r.number === caseNumber);
    return row ? structuredClone(row) : null;
  }
  async listForOrder(orderNumber: string, limit: number) {
    return structuredClone(newestFirst(this.rows.filter((r) => r.orderNumber === orderNumber)).slice(0, limit));
  }
}

export class InMemoryAccessRequests implements AccessRequestRepository {
  readonly requests = new Map<string, AccessRequest>();
  /** One database: notices go to this outbox in the same step, and it stores where copies were posted. */
  constructor(private readonly outbox: InMemoryOutbox = new InMemoryOutbox()) {}
  async open(
    r: Omit<AccessRequest, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'outcome'>,
    notices: (created: AccessRequest) => OutboxWrites,
  ) {
    const key = openRequestKey(r);
    const waiting = [...this.requests.values()].find((q) => q.status === 'Pending' && openRequestKey(q) === key);
    if (waiting) return { request: structuredClone(waiting), created: false };
    const request: AccessRequest = {
      ...r,
      id: `req-${this.requests.size + 1}`,
      status: 'Pending',
      decidedBy: null,
      decidedAt: null,
      outcome: null,
    };
    const writes = notices(structuredClone(request));
    this.requests.set(request.id, request);
    this.outbox.writeInStep(writes);
    return { request: structuredClone(request), created: true };
  }
  async findById(id: string) {
    const r = this.requests.get(id);
    return r ? structuredClone(r) : null;
  }
  async decide(
    id: string,
    status: 'Approved' | 'Declined',
    decidedBy: NonNullable<AccessRequest['decidedBy']>,
    decidedAt: Date,
    notices: OutboxWrites,
  ) {
    const r = this.requests.get(id);
    if (r?.status !== 'Pending') return false;
    Object.assign(r, { status, decidedBy, decidedAt });
    this.outbox.writeInStep(notices);
    return true;
  }
  async setOutcome(id: string, outcome: AccessRequest['outcome'], notices: OutboxWrites) {
    this.requests.get(id)!.outcome = outcome;
    this.outbox.writeInStep(notices);
  }
  async listPostedMessages(id: string) {
    return structuredClone(this.outbox.accessRequestCopies.get(id) ?? []);
  }
}

/** As adapters/db/user.mapper.ts: emails stored trimmed and lowercased, so every lookup ignores case. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class InMemoryUsers implements UserRepository {
  readonly users = new Map<string, DirectoryUser>();
  async upsert(u: UserUpsert) {
    const email = normalizeEmail(u.email);
    const stored = this.users.get(email);
    // As adapters/db: a platform id left undefined keeps what is stored, null clears it.
    const slackUserId = u.slackUserId === undefined ? (stored?.slackUserId ?? null) : u.slackUserId;
    const teamsUserId = u.teamsUserId === undefined ? (stored?.teamsUserId ?? null) : u.teamsUserId;
    this.refuseTaken(email, 'slack', slackUserId);
    this.refuseTaken(email, 'teams', teamsUserId);
    // Roles replaced whole, without duplicates, read back by domain then role.
    const grants = new Map(u.roles.map((g) => [`${g.role}\n${g.domain}`, { role: g.role, domain: g.domain }]));
    const roles = [...grants.values()].sort((a, b) => byText(a.domain, b.domain) || byText(a.role, b.role));
    const user: DirectoryUser = { id: stored?.id ?? `user-${this.users.size + 1}`, email, name: u.name, slackUserId, teamsUserId, roles };
    this.users.set(email, user);
    return structuredClone(user);
  }
  async findByEmail(email: string) {
    const u = this.users.get(normalizeEmail(email));
    return u ? structuredClone(u) : null;
  }
  async findByPlatformId(platform: ChatPlatform, id: string) {
    for (const u of this.users.values()) if ((platform === 'slack' ? u.slackUserId : u.teamsUserId) === id) return structuredClone(u);
    return null;
  }
  async linkPlatformId(userId: string, platform: ChatPlatform, id: string) {
    const user = [...this.users.values()].find((u) => u.id === userId);
    if (!user) return;
    this.refuseTaken(user.email, platform, id);
    Object.assign(user, platform === 'slack' ? { slackUserId: id } : { teamsUserId: id });
  }
  async listByRole(role: Role, domain: string) {
    // As adapters/db: a grant in the domain or in '*'; asked for '*', only the '*' grants; by email.
    const holds = (u: DirectoryUser) => u.roles.some((g) => g.role === role && (g.domain === domain || g.domain === ANY_DOMAIN));
    return structuredClone([...this.users.values()].filter(holds).sort((a, b) => byText(a.email, b.email)));
  }
  async listDomains() {
    const domains = [...this.users.values()].flatMap((u) => u.roles.map((g) => g.domain)).filter((d) => d !== ANY_DOMAIN);
    return [...new Set(domains)].sort();
  }
  /** A chat identity belongs to one directory user: taking another's is a CONFLICT, as the database's unique index makes it. */
  private refuseTaken(email: string, platform: ChatPlatform, id: string | null) {
    if (id === null) return;
    const holder = [...this.users.values()].find((u) => u.email !== email && (platform === 'slack' ? u.slackUserId : u.teamsUserId) === id);
    if (holder) throw new CoreError('CONFLICT', { reason: `${platform} user ${id} is already linked to another user` });
  }
}

export class InMemoryChatAddresses implements ChatAddressRepository {
  readonly addresses = new Map<string, string>();
  async save(platform: ChatPlatform, id: string, address: string) {
    this.addresses.set(`${platform}:${id}`, address);
  }
  async find(platform: ChatPlatform, id: string) {
    return this.addresses.get(`${platform}:${id}`) ?? null;
  }
}
