import { expect, it } from 'vitest';
import type { CustomerLocation, NewCustomer, OnboardingTemplate, OutboxWrites } from '../../../core/index';
import { at, unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const noWrites = (): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: [] });

function aTemplate(domain: string, overrides: Partial<OnboardingTemplate> = {}): OnboardingTemplate {
  return {
    id: `tpl-${unique()}`,
    domain,
    name: 'Retail calling',
    subscriptionId: 'Sub-100',
    authenticationMethod: 'sso',
    pstnVendor: null,
    language: 'en_US',
    timezone: 'Europe/Paris',
    packages: ['webex_calling', 'cisco_calling_plan'],
    provisioningId: `prov-${unique()}`,
    createdBy: { name: 'Paula Partner', email: 'paula@acme.example' },
    createdAt: at('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

function aLocation(customerId: string, overrides: Partial<CustomerLocation> = {}): CustomerLocation {
  return {
    id: `loc-${unique()}`,
    customerId,
    name: 'Headquarters',
    address: { addressLine1: '1 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
    remoteLocationId: null,
    headquarters: true,
    createdAt: at('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

function aCustomer(template: OnboardingTemplate, overrides: Partial<NewCustomer> = {}): NewCustomer {
  const id = `cus-${unique()}`;
  return {
    id,
    domain: template.domain,
    name: 'Globex',
    adminEmail: 'it@globex.example',
    templateId: template.id,
    packages: ['webex_calling'],
    status: 'provisioning',
    packageResults: [],
    remoteCustomerId: `webex-${unique()}`,
    orgId: null,
    subscriptionId: 'Sub-100',
    createdBy: { name: 'Paula Partner', email: 'paula@acme.example', channel: 'slack', platformUserId: 'UPAULA' },
    createdAt: at('2026-11-23T10:00:00Z'),
    headquarters: aLocation(id),
    ...overrides,
  };
}

/** The creator's status message, as createCustomer writes it with the customer. */
const statusPost = (customer: NewCustomer, key: string): OutboxWrites['deliveries'][number] => ({
  key,
  target: { channel: 'chat', platform: 'slack', to: { kind: 'user', platformUserId: 'UPAULA', email: 'paula@acme.example' } },
  content: { kind: 'customer-status', customerId: customer.id, status: 'provisioning' },
  dueAt: customer.createdAt,
});

for (const target of TARGETS) {
  // What one client sees is the contract's (test/fakes/onboarding-repository.contract.ts); here, racing clients.
  describeOn(target, 'Onboarding repositories', () => {
    const fresh = useFreshDatabase(target);
    const templates = () => fresh.db.templates;
    const customers = () => fresh.db.customers;

    it('finds the customers an administrator email is given for, whatever its case on either side', async () => {
      const template = aTemplate(`a-${unique()}.example`);
      await templates().create(template);
      const admin = `It.${unique()}@Globex.example`;
      const older = aCustomer(template, { adminEmail: admin, createdAt: at('2026-11-20T10:00:00Z') });
      const newer = aCustomer(template, { adminEmail: admin.toLowerCase(), createdAt: at('2026-11-21T10:00:00Z') });
      const other = aCustomer(template, { adminEmail: `someone-${unique()}@globex.example` });
      for (const c of [older, newer, other]) await customers().create(c);
      for (const asked of [admin, admin.toUpperCase(), `  ${admin.toLowerCase()} `])
        expect((await customers().listByAdminEmail(asked)).map((c) => c.id)).toEqual([newer.id, older.id]);
      expect((await customers().findById(older.id))?.adminEmail).toBe(admin.toLowerCase());
    });

    it('stores a customer with its status message in one transaction, and where the outbox posted it', async () => {
      const template = aTemplate(`p-${unique()}.example`);
      await templates().create(template);
      const input = aCustomer(template);
      const key = `customer-status:${input.id}:provisioning:slack:user:UPAULA`;
      const writes: OutboxWrites = { ...noWrites(), deliveries: [statusPost(input, key)] };
      await customers().create(input, writes);
      const [post] = (await fresh.db.outbox.claimDue({ now: at('2026-11-23T10:01:00Z'), limit: 100, leaseMs: 60_000 })).filter(
        (d) => d.key === key,
      );
      expect(post).toBeDefined();
      expect(await customers().listPostedMessages(input.id)).toEqual([]);
      const message = { platform: 'slack' as const, address: '{"channel":"DPAULA","ts":"1700000000.000100"}' };
      expect(await fresh.db.outbox.markSent(post!, { at: at('2026-11-23T10:01:01Z'), posted: { customerId: input.id, message } })).toBe(
        true,
      );
      expect(await customers().listPostedMessages(input.id)).toEqual([message]);
      const other = aCustomer(template);
      await customers().create(other);
      expect(await customers().listPostedMessages(other.id)).toEqual([]);
    });

    it('writes no status message for a customer that cannot be stored', async () => {
      const template = aTemplate(`q-${unique()}.example`);
      await templates().create(template);
      const first = aCustomer(template);
      await customers().create(first);
      const second = aCustomer(template, { headquarters: { ...first.headquarters, customerId: '' } });
      second.headquarters.customerId = second.id;
      const key = `customer-status:${second.id}:provisioning:slack:user:UPAULA`;
      await expect(customers().create(second, { ...noWrites(), deliveries: [statusPost(second, key)] })).rejects.toThrow();
      expect(await customers().findById(second.id)).toBeNull();
      const due = await fresh.db.outbox.claimDue({ now: at('2026-11-23T10:01:00Z'), limit: 100, leaseMs: 60_000 });
      expect(due.filter((d) => d.key === key)).toEqual([]);
    });

    it('records a settlement once when two processes settle at once', async () => {
      const template = aTemplate(`s-${unique()}.example`);
      await templates().create(template);
      const input = aCustomer(template);
      await customers().create(input);
      const settlement = {
        status: 'provisioned' as const,
        packageResults: [{ name: 'webex_calling', status: 'provisioned', reasons: [] }],
        orgId: 'org-1',
        updatedAt: at('2026-11-23T10:05:00Z'),
      };
      const key = `customer-status:${input.id}:provisioned`;
      const writes: OutboxWrites = {
        ...noWrites(),
        deliveries: [
          {
            key,
            target: { channel: 'email', address: 'paula@acme.example', asUser: false, domain: template.domain },
            content: { kind: 'customer-status', customerId: input.id, status: 'provisioned' },
            dueAt: settlement.updatedAt,
          },
        ],
      };
      const outcomes = await withClients(fresh.url, 2, (dbs) =>
        Promise.all(dbs.map((db) => db.customers.settle(input.id, 'provisioning', settlement, writes))),
      );
      expect(outcomes.sort()).toEqual([false, true]);
      expect(await customers().findById(input.id)).toMatchObject({
        status: 'provisioned',
        orgId: 'org-1',
        packageResults: settlement.packageResults,
      });
      const pending = await fresh.db.outbox.claimDue({ now: at('2026-11-23T10:06:00Z'), limit: 100, leaseMs: 60_000 });
      expect(pending.filter((d) => d.key === key)).toHaveLength(1);
    });
  });
}
