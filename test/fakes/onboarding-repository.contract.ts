import { describe, expect, it } from 'vitest';
import type { CustomerRepository, NewCustomer, NewDelivery, OutboxRepository, PostedMessage, TemplateRepository } from '../../core/index';
import { at, unique } from '../integration/db/fixtures';
import { aCustomer, aLocation, aTemplate } from '../fixtures/onboarding-records';
import { aDelivery, deliveries } from '../integration/db/outbox-fixtures';

/**
 * What TemplateRepository and CustomerRepository promise (core/ports/onboarding-repository.port.ts),
 * through the ports only, so the in-memory onboarding store and adapters/db run the same suite.
 * Tests share a database: each uses domains of its own. Two processes settling at once stay in
 * test/integration/db/onboarding.repository.int.test.ts.
 */
export interface OnboardingUnderTest {
  templates: TemplateRepository;
  customers: CustomerRepository;
  /** The outbox of the same store: it records where status messages were posted. */
  outbox: OutboxRepository;
  /** Every delivery key stored so far (the outbox of the same store). */
  deliveryKeys(): Promise<string[]>;
}

/** Due long before any other test's delivery, so a claim of one takes the test's own. */
const LONG_AGO = at('2001-01-01T00:00:00Z');

/** The creator's status message, as createCustomer writes it with the customer. */
const statusPost = (customer: NewCustomer, key: string): NewDelivery => ({
  key,
  target: { channel: 'chat', platform: 'slack', to: { kind: 'user', platformUserId: 'UPAULA', email: 'paula@acme.example' } },
  content: { kind: 'customer-status', customerId: customer.id, status: 'provisioning' },
  dueAt: LONG_AGO,
});

/** Claims the one delivery due at LONG_AGO (it must be `key`) and marks it sent, posted as `message` for the customer. */
async function sendPosted(s: OnboardingUnderTest, key: string, customerId: string, message: PostedMessage) {
  const [claimed, ...more] = await s.outbox.claimDue({ now: LONG_AGO, limit: 2, leaseMs: 60_000 });
  expect([claimed?.key, ...more]).toEqual([key]);
  expect(await s.outbox.markSent(claimed!, { at: LONG_AGO, posted: { customerId, message } })).toBe(true);
}

export function describeOnboardingRepositories(name: string, make: () => Promise<OnboardingUnderTest>) {
  describe(name, () => {
    it('keeps a template as given and refuses a second of the same name in the domain, in any case', async () => {
      const s = await make();
      const domain = `t-${unique()}.example`;
      const template = aTemplate(domain, { pstnVendor: 'Acme PSTN' });
      expect(await s.templates.create(template)).toEqual(template);
      expect(await s.templates.findById(template.id)).toEqual(template);
      expect(await s.templates.findByName(domain, 'RETAIL calling')).toEqual(template);
      await expect(s.templates.create(aTemplate(domain, { name: 'retail CALLING' }))).rejects.toMatchObject({ code: 'CONFLICT' });
      await s.templates.create(aTemplate(`other-${unique()}.example`));
      expect((await s.templates.list([domain])).map((t) => t.id)).toEqual([template.id]);
    });

    it('lists templates with how many customers use each', async () => {
      const s = await make();
      const domain = `c-${unique()}.example`;
      const used = aTemplate(domain, { name: 'A used' });
      const unused = aTemplate(domain, { name: 'B unused' });
      await s.templates.create(used);
      await s.templates.create(unused);
      await s.customers.create(aCustomer(used));
      await s.customers.create(aCustomer(used));
      expect((await s.templates.list([domain])).map((t) => [t.name, t.customerCount])).toEqual([
        ['A used', 2],
        ['B unused', 0],
      ]);
      expect(await s.templates.countCustomers(used.id)).toBe(2);
    });

    it('stores a customer with its headquarters, and later locations after it', async () => {
      const s = await make();
      const template = aTemplate(`l-${unique()}.example`);
      await s.templates.create(template);
      const input = aCustomer(template);
      const created = await s.customers.create(input);
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
      expect(await s.customers.addLocation(branch)).toEqual(branch);
      const read = await s.customers.findById(input.id);
      expect(read?.locations).toEqual([input.headquarters, branch]);
    });

    it('creates nothing, status message included, when the customer cannot be stored', async () => {
      const s = await make();
      const template = aTemplate(`n-${unique()}.example`);
      await s.templates.create(template);
      const first = aCustomer(template);
      await s.customers.create(first);
      // The same headquarters id again: the location insert fails, so the second customer must not remain.
      const second = aCustomer(template, { headquarters: { ...first.headquarters } });
      second.headquarters.customerId = second.id;
      const key = `customer-status:${second.id}:provisioning:slack:user:UPAULA`;
      await expect(s.customers.create(second, deliveries(statusPost(second, key)))).rejects.toThrow();
      expect(await s.customers.findById(second.id)).toBeNull();
      expect(await s.deliveryKeys()).not.toContain(key);
    });

    it('stores a customer with its status message, and lists where the outbox posted it, in the order posted', async () => {
      const s = await make();
      const template = aTemplate(`m-${unique()}.example`);
      await s.templates.create(template);
      const input = aCustomer(template);
      const other = aCustomer(template);
      const key = `customer-status:${input.id}:provisioning:slack:user:UPAULA`;
      await s.customers.create(input, deliveries(statusPost(input, key)));
      await s.customers.create(other);
      expect(await s.customers.listPostedMessages(input.id)).toEqual([]);

      const inSlack = { platform: 'slack' as const, address: '{"channel":"DPAULA","ts":"1700000000.000100"}' };
      const inTeams = { platform: 'teams' as const, address: '{"conversation":{"id":"a:1"},"activityId":"x"}' };
      await sendPosted(s, key, input.id, inSlack);
      const later = `customer-status:${input.id}:provisioning:teams`;
      await s.outbox.write(deliveries(statusPost(input, later)));
      await sendPosted(s, later, input.id, inTeams);

      expect(await s.customers.listPostedMessages(input.id)).toEqual([inSlack, inTeams]);
      expect(await s.customers.listPostedMessages(other.id)).toEqual([]);
      expect(await s.customers.listPostedMessages(`cus-${unique()}`)).toEqual([]);
    });

    it('lists the customers still provisioning for the poll, oldest update first', async () => {
      const s = await make();
      const template = aTemplate(`p-${unique()}.example`);
      await s.templates.create(template);
      const older = aCustomer(template, { createdAt: at('2026-11-20T10:00:00Z') });
      const review = aCustomer(template, { status: 'pending_compliance_review', createdAt: at('2026-11-21T10:00:00Z') });
      const done = aCustomer(template, { status: 'error' });
      const noRemote = aCustomer(template, { remoteCustomerId: null });
      for (const c of [review, older, done, noRemote]) await s.customers.create(c);
      const polled = (await s.customers.listByStatus(['provisioning', 'pending_compliance_review'], 500)).map((c) => c.id);
      expect(polled.filter((id) => [older.id, review.id, done.id, noRemote.id].includes(id))).toEqual([older.id, review.id]);
    });

    it('records a settlement only from the status it was read in, with its notices', async () => {
      const s = await make();
      const template = aTemplate(`s-${unique()}.example`);
      await s.templates.create(template);
      const input = aCustomer(template);
      await s.customers.create(input);
      const settled = {
        status: 'provisioned' as const,
        packageResults: [{ name: 'webex_calling', status: 'provisioned', reasons: [] }],
        orgId: 'org-1',
        updatedAt: at('2026-11-23T10:05:00Z'),
      };
      const told = (key: string) => deliveries(aDelivery({ key }));
      expect(await s.customers.settle(input.id, 'provisioning', settled, told(`settled:${input.id}`))).toBe(true);
      expect(await s.customers.settle(input.id, 'provisioning', { ...settled, orgId: 'org-2' }, told(`again:${input.id}`))).toBe(false);
      expect(await s.customers.settle(`cus-${unique()}`, 'provisioning', settled, told(`nobody:${input.id}`))).toBe(false);
      expect(await s.customers.findById(input.id)).toMatchObject({
        status: 'provisioned',
        orgId: 'org-1',
        packageResults: settled.packageResults,
        updatedAt: settled.updatedAt,
      });
      expect((await s.deliveryKeys()).filter((k) => k.endsWith(input.id))).toEqual([`settled:${input.id}`]);
    });

    it('lists customers newest first, in scope, and by administrator email whatever its case on either side', async () => {
      const s = await make();
      const template = aTemplate(`a-${unique()}.example`);
      await s.templates.create(template);
      const admin = `It.${unique()}@Globex.example`;
      const older = aCustomer(template, { adminEmail: admin, createdAt: at('2026-11-20T10:00:00Z') });
      const newer = aCustomer(template, { adminEmail: admin.toLowerCase(), createdAt: at('2026-11-22T10:00:00Z') });
      const other = aCustomer(template, { adminEmail: `someone-${unique()}@globex.example`, createdAt: at('2026-11-21T10:00:00Z') });
      for (const c of [older, newer, other]) await s.customers.create(c);
      expect((await s.customers.list([template.domain])).map((c) => c.id)).toEqual([newer.id, other.id, older.id]);
      for (const asked of [admin, admin.toUpperCase(), `  ${admin.toLowerCase()} `])
        expect((await s.customers.listByAdminEmail(asked)).map((c) => c.id)).toEqual([newer.id, older.id]);
      // Kept lower-case, as adapters/db stores it for one indexed equality.
      expect((await s.customers.findById(older.id))?.adminEmail).toBe(admin.toLowerCase());
      expect((await s.customers.list('all')).map((c) => c.id)).toEqual(expect.arrayContaining([newer.id, other.id, older.id]));
      expect(await s.customers.findById(`cus-${unique()}`)).toBeNull();
      expect(await s.templates.findById(`tpl-${unique()}`)).toBeNull();
    });
  });
}
