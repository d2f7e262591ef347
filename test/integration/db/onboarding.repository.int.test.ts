import { expect, it } from 'vitest';
import type { CustomerLocation, NewCustomer, OnboardingTemplate, OutboxWrites } from '../../../core/index';
import { at, newOrder, unique } from './fixtures';
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
  describeOn(target, 'Onboarding repositories', () => {
    const fresh = useFreshDatabase(target);
    const templates = () => fresh.db.templates;
    const customers = () => fresh.db.customers;

    it('keeps a template as given and refuses a second of the same name in the domain, in any case', async () => {
      const domain = `t-${unique()}.example`;
      const template = aTemplate(domain, { pstnVendor: 'Acme PSTN' });
      expect(await templates().create(template)).toEqual(template);
      expect(await templates().findById(template.id)).toEqual(template);
      expect(await templates().findByName(domain, 'RETAIL calling')).toEqual(template);
      await expect(templates().create(aTemplate(domain, { name: 'retail CALLING' }))).rejects.toMatchObject({ code: 'CONFLICT' });
      await templates().create(aTemplate(`other-${unique()}.example`));
      expect((await templates().list([domain])).map((t) => t.id)).toEqual([template.id]);
    });

    it('lists templates with how many customers use each', async () => {
      const domain = `c-${unique()}.example`;
      const used = aTemplate(domain, { name: 'A used' });
      const unused = aTemplate(domain, { name: 'B unused' });
      await templates().create(used);
      await templates().create(unused);
      await customers().create(aCustomer(used));
      await customers().create(aCustomer(used));
      expect((await templates().list([domain])).map((t) => [t.name, t.customerCount])).toEqual([
        ['A used', 2],
        ['B unused', 0],
      ]);
      expect(await templates().countCustomers(used.id)).toBe(2);
    });

    it('stores a customer with its headquarters, and later locations after it', async () => {
      const template = aTemplate(`l-${unique()}.example`);
      await templates().create(template);
      const input = aCustomer(template);
      const created = await customers().create(input);
      expect(created).toMatchObject({ id: input.id, status: 'provisioning', packages: ['webex_calling'], createdBy: input.createdBy });
      const branch = aLocation(input.id, {
        name: 'Lyon branch',
        headquarters: false,
        remoteLocationId: 'webex-loc-1',
        address: {
          addressLine1: '2 Place Bellecour',
          addressLine2: 'Bât. B',
          city: 'Lyon',
          stateOrProvince: 'ARA',
          postalCode: '69002',
          country: 'FR',
        },
        createdAt: at('2026-11-23T09:00:00Z'),
      });
      expect(await customers().addLocation(branch)).toEqual(branch);
      const read = await customers().findById(input.id);
      expect(read?.locations).toEqual([input.headquarters, branch]);
    });

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

    it('creates nothing when the customer cannot be stored', async () => {
      const template = aTemplate(`n-${unique()}.example`);
      await templates().create(template);
      const first = aCustomer(template);
      await customers().create(first);
      // The same headquarters id again: the location insert fails, so the second customer must not remain.
      const second = aCustomer(template, { headquarters: { ...first.headquarters } });
      second.headquarters.customerId = second.id;
      await expect(customers().create(second)).rejects.toThrow();
      expect(await customers().findById(second.id)).toBeNull();
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

    it('records a settlement once, with its notices, and only from the status it was read in', async () => {
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

    it('lists the customers still provisioning for the poll, oldest update first, and finds orders by subscription', async () => {
      const template = aTemplate(`p-${unique()}.example`);
      await templates().create(template);
      const older = aCustomer(template, { createdAt: at('2026-11-20T10:00:00Z') });
      const review = aCustomer(template, { status: 'pending_compliance_review', createdAt: at('2026-11-21T10:00:00Z') });
      const done = aCustomer(template, { status: 'error' });
      const noRemote = aCustomer(template, { remoteCustomerId: null });
      for (const c of [review, older, done, noRemote]) await customers().create(c);
      const polled = (await customers().listByStatus(['provisioning', 'pending_compliance_review'], 500)).map((c) => c.id);
      expect(polled.filter((id) => [older.id, review.id, done.id, noRemote.id].includes(id))).toEqual([older.id, review.id]);

      const subscription = `Sub-${unique()}`;
      const a = await fresh.db.orders.create(newOrder({ subscriptionId: subscription }));
      const b = await fresh.db.orders.create(newOrder({ subscriptionId: subscription }));
      await fresh.db.orders.create(newOrder());
      expect(await fresh.db.orders.findNumbersBySubscription(subscription)).toEqual([a.number, b.number]);
    });
  });
}
