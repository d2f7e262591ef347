import { afterEach, describe, expect, it } from 'vitest';
import { ProvisioningRefused, ProvisioningUnavailable } from '../../../core/index';
import { customerRequest, describeCustomerProvisioning, HQ } from '../../fakes/customer-provisioning.contract';
import type { FakeWebexServer } from '../../fakes/fake-webex-server';
import { startClient } from './webex-client-harness';

describeCustomerProvisioning('Webex client against the fake Webex server', async () => {
  const { fake, client } = await startClient();
  fake.pollsUntilProvisioned = 2;
  return {
    provisioning: client,
    pollsUntilSettled: 2,
    failPackage: (name, pkg, reason) =>
      fake.outcomes.set(name, { status: 'provisioned_with_errors', packageErrors: { [pkg]: [{ errorCode: 6001, description: reason }] } }),
    complianceReview: (name) => fake.outcomes.set(name, { status: 'pending_rpl_review' }),
    precheckFinding: (country, description) => fake.precheckErrors.set(country, [{ errorCode: 4010, description }]),
    emailTaken: (email) => fake.takenEmails.add(email),
    pendingMigration: (email) => fake.migratingEmails.add(email),
    unavailable: (times) => fake.scripted.push(...Array.from({ length: times }, () => ({ status: 503 }))),
    consentEmailsSent: (id) => fake.subscribers.get(id)?.consentEmails ?? 0,
    close: () => fake.close(),
  };
});

describe('Webex provisioning client: the requests it sends', () => {
  let fake: FakeWebexServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('creates a customer in the Wholesale shape, with the bearer token, and takes the id from the Location header', async () => {
    const started = await startClient();
    fake = started.fake;
    const { customerId } = await started.client.createCustomer(customerRequest('Acme'));
    const [post] = fake.requestsTo('POST', '/wholesale/customers');
    expect(post!.authorization).toBe(`Bearer ${fake.token}`);
    expect(post!.body).toEqual({
      provisioningId: 'prov-template-1',
      packages: ['webex_calling', 'webex_meetings'],
      externalId: 'ext-Acme',
      address: { addressLine1: '1 Main Street', city: 'Austin', stateOrProvince: 'TX', zipOrPostalCode: '78701', country: 'US' },
      customerInfo: { name: 'Acme', primaryEmail: 'admin@acme.example' },
      provisioningParameters: {
        calling: {
          location: {
            name: 'Headquarters',
            timezone: 'America/Chicago',
            language: 'en_us',
            address: { addressLine1: '1 Main Street', city: 'Austin', stateOrProvince: 'TX', zipOrPostalCode: '78701', country: 'US' },
          },
        },
      },
    });
    expect(fake.customers.has(customerId)).toBe(true);
  });

  it('leaves out the calling location when none is given (no calling package)', async () => {
    const started = await startClient();
    fake = started.fake;
    await started.client.createCustomer(customerRequest('Acme', { packages: ['webex_meetings'], callingLocation: undefined }));
    expect(fake.requestsTo('POST', '/wholesale/customers')[0]!.body.provisioningParameters).toBeUndefined();
  });

  it('reads the precheck info whether it comes as one object or as an array', async () => {
    const started = await startClient();
    fake = started.fake;
    expect(await started.client.precheck({ address: HQ })).toEqual({ ok: true });
    fake.precheckInfoAsArray = true;
    expect(await started.client.precheck({ address: HQ, customerName: 'Acme', primaryEmail: 'a@acme.example' })).toEqual({ ok: true });
    expect(fake.requestsTo('POST', '/wholesale/customers/validate')[1]!.body).toEqual({
      address: { addressLine1: '1 Main Street', city: 'Austin', stateOrProvince: 'TX', zipOrPostalCode: '78701', country: 'US' },
      customerInfo: { name: 'Acme', primaryEmail: 'a@acme.example' },
    });
  });

  it('adds a location through the Locations API and a subscriber with one package', async () => {
    const started = await startClient();
    fake = started.fake;
    fake.pollsUntilProvisioned = 0;
    const { customerId } = await started.client.createCustomer(customerRequest('Acme'));
    const { orgId } = await started.client.getCustomer(customerId);
    const branch = { ...HQ, addressLine2: 'Suite 5', city: 'Dallas' };
    await started.client.createLocation({ orgId: orgId!, name: 'Dallas', address: branch, timezone: 'America/Chicago', language: 'en_us' });
    const [location] = fake.requestsTo('POST', '/locations');
    expect(location!.path).toBe(`/locations?orgId=${encodeURIComponent(orgId!)}`);
    expect(location!.body).toEqual({
      name: 'Dallas',
      timeZone: 'America/Chicago',
      preferredLanguage: 'en_us',
      announcementLanguage: 'en_us',
      address: { address1: '1 Main Street', address2: 'Suite 5', city: 'Dallas', state: 'TX', postalCode: '78701', country: 'US' },
    });
    const request = {
      customerId,
      email: 'ada@acme.example',
      package: 'webex_calling',
      firstName: 'Ada',
      lastName: 'Lovelace',
      extension: '1001',
    } as const;
    await started.client.createSubscriber({ ...request, primaryPhoneNumber: '+15125550101', locationId: 'loc-1' });
    expect(fake.requestsTo('POST', '/wholesale/subscribers')[0]!.body).toEqual({
      customerId,
      email: 'ada@acme.example',
      packages: ['webex_calling'],
      provisioningParameters: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        extension: '1001',
        primaryPhoneNumber: '+15125550101',
        locationId: 'loc-1',
      },
    });
  });

  it('shows no organization while the customer is still provisioning', async () => {
    const started = await startClient();
    fake = started.fake;
    const { customerId } = await started.client.createCustomer(customerRequest('Acme'));
    expect(await started.client.getCustomer(customerId)).toEqual({
      id: customerId,
      status: 'provisioning',
      packages: [
        { name: 'webex_calling', status: 'provisioning', warnings: [], errors: [] },
        { name: 'webex_meetings', status: 'provisioning', warnings: [], errors: [] },
      ],
    });
  });

  it('turns a refusal into a sentence naming what was refused, never the raw body', async () => {
    const started = await startClient();
    fake = started.fake;
    const err = await started.client.createCustomer(customerRequest('Acme', { provisioningId: '' })).catch((e) => e);
    expect(err).toBeInstanceOf(ProvisioningRefused);
    expect(err.message).toBe('Webex refused to create the customer: Required fields are missing.');
    expect(err.problems).toEqual([{ code: '4003', description: 'Required fields are missing.' }]);
    const missing = await started.client.getCustomer('cust-unknown').catch((e) => e);
    expect(missing).toBeInstanceOf(ProvisioningRefused);
    expect(missing.message).toMatch(/^Webex has no customer with this id/);
  });

  it('an error 5xx or an unreachable server is ProvisioningUnavailable, in words', async () => {
    const started = await startClient();
    fake = started.fake;
    fake.scripted.push({ status: 502 });
    const err = await started.client.precheck({ address: HQ }).catch((e) => e);
    expect(err).toBeInstanceOf(ProvisioningUnavailable);
    expect(err.message).toBe('Webex had a problem of its own (HTTP 502); nothing was changed, try again later.');
    await fake.close();
    const down = await started.client.precheck({ address: HQ }).catch((e) => e);
    expect(down).toBeInstanceOf(ProvisioningUnavailable);
    expect(down.message).toBe('Webex could not be reached; try again later.');
  });
});
