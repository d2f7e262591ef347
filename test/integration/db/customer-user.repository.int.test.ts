import { expect, it } from 'vitest';
import type { CustomerUser, NewCustomer } from '../../../core/index';
import { at, unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';
import type { Database } from '../../../adapters/db/create-database';

async function aCustomer(db: Database): Promise<string> {
  const domain = `u-${unique()}.example`;
  const templateId = `tpl-${unique()}`;
  await db.templates.create({
    id: templateId,
    domain,
    name: 'Calling',
    subscriptionId: 'Sub-1',
    authenticationMethod: 'webex',
    pstnVendor: null,
    language: 'en_US',
    timezone: 'America/New_York',
    packages: ['webex_calling'],
    provisioningId: `prov-${unique()}`,
    createdBy: { name: 'Paula', email: 'paula@acme.example' },
    createdAt: at('2026-11-23T10:00:00Z'),
  });
  const id = `cus-${unique()}`;
  const customer: NewCustomer = {
    id,
    domain,
    name: 'Globex',
    adminEmail: 'it@globex.example',
    templateId,
    packages: ['webex_calling'],
    status: 'provisioned',
    packageResults: [],
    remoteCustomerId: `webex-${unique()}`,
    orgId: 'org-1',
    subscriptionId: null,
    createdBy: { name: 'Paula', email: 'paula@acme.example', channel: 'api', platformUserId: null },
    createdAt: at('2026-11-23T10:00:00Z'),
    headquarters: {
      id: `loc-${unique()}`,
      customerId: id,
      name: 'Headquarters',
      address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' },
      remoteLocationId: null,
      headquarters: true,
      createdAt: at('2026-11-23T10:00:00Z'),
    },
  };
  await db.customers.create(customer);
  return id;
}

const aUser = (customerId: string, overrides: Partial<CustomerUser> = {}): CustomerUser => ({
  customerId,
  email: 'ada@globex.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  package: 'webex_calling',
  locationId: 'loc-1',
  phoneNumber: '+12015550101',
  extension: '101',
  adminRole: 'Read-only Administrator',
  status: 'creating',
  subscriberId: null,
  message: null,
  createdAt: at('2026-11-23T10:00:00Z'),
  updatedAt: at('2026-11-23T10:00:00Z'),
  ...overrides,
});

for (const target of TARGETS) {
  describeOn(target, 'Customer user repository', () => {
    const fresh = useFreshDatabase(target);

    it('claims a user once per customer and email: a second claim, in any case, gets the stored row untouched', async () => {
      const db = fresh.db;
      const customerId = await aCustomer(db);
      const user = aUser(customerId);
      expect(await db.customerUsers.claim(user)).toEqual({ claimed: true, user });
      const again = await db.customerUsers.claim(aUser(customerId, { email: 'ADA@globex.example', firstName: 'Other' }));
      expect(again).toEqual({ claimed: false, user });
      const outcome = { status: 'provisioned' as const, subscriberId: 'sub-1', message: null, updatedAt: at('2026-11-23T10:01:00Z') };
      await db.customerUsers.record(customerId, 'ada@globex.example', outcome);
      expect(await db.customerUsers.claim(user)).toEqual({ claimed: false, user: { ...user, ...outcome } });
      expect(await db.customerUsers.list(customerId)).toEqual([{ ...user, ...outcome }]);
    });

    it('claims again a user whose creation was refused or failed, keeping when it was first added', async () => {
      const db = fresh.db;
      const customerId = await aCustomer(db);
      await db.customerUsers.claim(aUser(customerId));
      await db.customerUsers.record(customerId, 'ada@globex.example', {
        status: 'error',
        subscriberId: null,
        message: 'Webex was busy.',
        updatedAt: at('2026-11-23T10:01:00Z'),
      });
      const retry = aUser(customerId, { lastName: 'King', createdAt: at('2026-11-23T11:00:00Z'), updatedAt: at('2026-11-23T11:00:00Z') });
      expect(await db.customerUsers.claim(retry)).toEqual({ claimed: true, user: { ...retry, createdAt: at('2026-11-23T10:00:00Z') } });
    });

    it('lets exactly one of two concurrent claims of a failed user win', async () => {
      const db = fresh.db;
      const customerId = await aCustomer(db);
      await db.customerUsers.claim(aUser(customerId));
      const failed = { status: 'refused' as const, subscriberId: null, message: 'No.', updatedAt: at('2026-11-23T10:01:00Z') };
      await db.customerUsers.record(customerId, 'ada@globex.example', failed);
      const claims = await Promise.all([db.customerUsers.claim(aUser(customerId)), db.customerUsers.claim(aUser(customerId))]);
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      expect(await db.customerUsers.find(customerId, 'ada@globex.example')).toMatchObject({ status: 'creating' });
    });

    it('finds no user for a customer that has none', async () => {
      expect(await fresh.db.customerUsers.find(`cus-${unique()}`, 'nobody@x.example')).toBeNull();
    });
  });
}
