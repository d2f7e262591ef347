import type { Database } from '../../../adapters/db/create-database';
import type { NewCustomer } from '../../../core/index';
import { at, unique } from './fixtures';

/** A stored customer (with its template, in a domain of its own) for the rows that name one; its id. */
export async function aCustomer(db: Database): Promise<string> {
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
