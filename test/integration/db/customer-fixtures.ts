import type { Database } from '../../../adapters/db/create-database';
import { aCustomer as customerRecord, aTemplate } from '../../fixtures/onboarding-records';
import { unique } from './fixtures';

/** A stored, provisioned customer (with its template, in a domain of its own) for the rows that name one; its id. */
export async function aCustomer(db: Database): Promise<string> {
  const template = aTemplate(`u-${unique()}.example`, { packages: ['webex_calling'] });
  await db.templates.create(template);
  const customer = customerRecord(template, {
    status: 'provisioned',
    orgId: 'org-1',
    subscriptionId: null,
    createdBy: { name: 'Paula', email: 'paula@acme.example', channel: 'api', platformUserId: null },
  });
  await db.customers.create(customer);
  return customer.id;
}
