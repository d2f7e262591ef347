import { CoreError } from '../../core/index';
import type {
  Customer,
  CustomerLocation,
  CustomerRepository,
  DomainScope,
  NewCustomer,
  OnboardingTemplate,
  OutboxWrites,
  TemplateRepository,
} from '../../core/index';
import type { InMemoryOutbox } from './in-memory-outbox';

const inScope = (scope: DomainScope, domain: string) => scope === 'all' || scope.includes(domain);

/** Templates in memory with the database's rules: a name unique per domain in any case. */
export class InMemoryTemplates implements TemplateRepository {
  readonly templates = new Map<string, OnboardingTemplate>();
  customers: InMemoryCustomers | null = null;

  async create(template: OnboardingTemplate) {
    if (await this.findByName(template.domain, template.name))
      throw new CoreError('CONFLICT', { reason: `${template.domain} already has a template named ${template.name}` });
    this.templates.set(template.id, structuredClone(template));
    return structuredClone(template);
  }
  async findById(id: string) {
    const t = this.templates.get(id);
    return t ? structuredClone(t) : null;
  }
  async findByName(domain: string, name: string) {
    const key = name.trim().toLowerCase();
    const t = [...this.templates.values()].find((x) => x.domain === domain && x.name.toLowerCase() === key);
    return t ? structuredClone(t) : null;
  }
  async list(scope: DomainScope) {
    const all = [...this.templates.values()].filter((t) => inScope(scope, t.domain));
    all.sort((a, b) => a.domain.localeCompare(b.domain) || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    return Promise.all(all.map(async (t) => ({ ...structuredClone(t), customerCount: await this.countCustomers(t.id) })));
  }
  async countCustomers(templateId: string) {
    return [...(this.customers?.customers.values() ?? [])].filter((c) => c.templateId === templateId).length;
  }
}

/** Customers in memory; a settlement writes its notices to the shared outbox as the database's transaction does. */
export class InMemoryCustomers implements CustomerRepository {
  readonly customers = new Map<string, Customer>();

  constructor(
    templates: InMemoryTemplates,
    /** One database: notices go to this outbox in the same step, and it stores where status messages were posted. */
    private readonly outbox: InMemoryOutbox,
  ) {
    templates.customers = this;
  }

  async create(customer: NewCustomer, writes?: OutboxWrites) {
    const { headquarters, ...rest } = customer;
    this.refuseTakenLocation(headquarters.id);
    // As adapters/db/onboarding.mapper.ts: the administrator email kept trimmed and lower-case.
    const stored: Customer = {
      ...structuredClone(rest),
      adminEmail: rest.adminEmail.trim().toLowerCase(),
      updatedAt: rest.createdAt,
      locations: [structuredClone(headquarters)],
    };
    this.customers.set(stored.id, stored);
    if (writes) this.outbox.writeInStep(writes);
    return structuredClone(stored);
  }
  async findById(id: string) {
    const c = this.customers.get(id);
    return c ? structuredClone(c) : null;
  }
  async list(scope: DomainScope) {
    const all = [...this.customers.values()].filter((c) => inScope(scope, c.domain));
    return structuredClone(all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()));
  }
  async listByAdminEmail(email: string) {
    const all = [...this.customers.values()].filter((c) => c.adminEmail === email.trim().toLowerCase());
    return structuredClone(all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()));
  }
  async listByStatus(statuses: readonly Customer['status'][], limit: number) {
    const all = [...this.customers.values()].filter((c) => statuses.includes(c.status) && c.remoteCustomerId);
    return structuredClone(all.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime()).slice(0, limit));
  }
  async settle(
    id: string,
    from: Customer['status'],
    s: Parameters<CustomerRepository['settle']>[2],
    writes: Parameters<CustomerRepository['settle']>[3],
  ) {
    const c = this.customers.get(id);
    if (!c || c.status !== from) return false;
    Object.assign(c, { status: s.status, packageResults: structuredClone(s.packageResults), orgId: s.orgId, updatedAt: s.updatedAt });
    await this.outbox.write(writes);
    return true;
  }
  /** As the database's primary key: a location id is stored once, and a customer whose headquarters cannot be is not stored either. */
  private refuseTakenLocation(id: string) {
    if ([...this.customers.values()].some((c) => c.locations.some((l) => l.id === id))) throw new Error(`location ${id} exists`);
  }
  async addLocation(location: CustomerLocation) {
    const c = this.customers.get(location.customerId);
    if (!c) throw new Error(`no customer ${location.customerId}`);
    this.refuseTakenLocation(location.id);
    c.locations.push(structuredClone(location));
    return structuredClone(location);
  }
  async listPostedMessages(customerId: string) {
    return structuredClone(this.outbox.customerCopies.get(customerId) ?? []);
  }
}
