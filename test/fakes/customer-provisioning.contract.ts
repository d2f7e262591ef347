import { describe, expect, it } from 'vitest';
import type { CreateCustomerRequest, CustomerProvisioning, PostalAddress, WebexPackage } from '../../core/index';
import { ProvisioningRefused, ProvisioningUnavailable } from '../../core/index';

/**
 * What CustomerProvisioning promises (core/ports/customer-provisioning.port.ts), through
 * the port only, so the embedded simulator and the HTTP client against the fake Webex
 * server run the same suite and agree. Each implementation settles a new customer after
 * `pollsUntilSettled` polls and is scripted through the hooks below.
 */
export interface ProvisioningUnderTest {
  provisioning: CustomerProvisioning;
  pollsUntilSettled: number;
  failPackage(customerName: string, pkg: WebexPackage, reason: string): void;
  complianceReview(customerName: string): void;
  precheckFinding(country: string, message: string): void;
  emailTaken(email: string): void;
  pendingMigration(email: string): void;
  /** The next `times` calls cannot be answered (an outage). */
  unavailable(times: number): void;
  consentEmailsSent(subscriberId: string): number;
  close(): Promise<void>;
}

export const HQ: PostalAddress = {
  addressLine1: '1 Main Street',
  city: 'Austin',
  stateOrProvince: 'TX',
  postalCode: '78701',
  country: 'US',
};

export const customerRequest = (name: string, over: Partial<CreateCustomerRequest> = {}): CreateCustomerRequest => ({
  provisioningId: 'prov-template-1',
  packages: ['webex_calling', 'webex_meetings'],
  externalId: `ext-${name}`,
  address: HQ,
  customerInfo: { name, primaryEmail: `admin@${name.toLowerCase()}.example` },
  callingLocation: { name: 'Headquarters', address: HQ, timezone: 'America/Chicago', language: 'en_us' },
  ...over,
});

async function pollUntilSettled(p: ProvisioningUnderTest, customerId: string) {
  for (let i = 0; i < p.pollsUntilSettled; i++) expect((await p.provisioning.getCustomer(customerId)).status).toBe('provisioning');
  return p.provisioning.getCustomer(customerId);
}

export function describeCustomerProvisioning(name: string, make: () => Promise<ProvisioningUnderTest>) {
  const withIt = (test: (p: ProvisioningUnderTest) => Promise<void>) => async () => {
    const p = await make();
    try {
      await test(p);
    } finally {
      await p.close();
    }
  };

  describe(`${name}: customers`, () => {
    it(
      'a precheck passes in a supported country and names, in words, why not elsewhere',
      withIt(async (p) => {
        expect(await p.provisioning.precheck({ address: HQ, customerName: 'Acme', primaryEmail: 'a@acme.example' })).toEqual({ ok: true });
        const refused = await p.provisioning.precheck({ address: { ...HQ, country: 'KP' } });
        expect(refused).toEqual({
          ok: false,
          findings: [{ code: expect.any(String), message: expect.stringMatching(/not one of the supported countries/) }],
        });
        p.precheckFinding('DE', 'The postal code does not match the city.');
        const finding = await p.provisioning.precheck({ address: { ...HQ, country: 'DE' } });
        expect(finding).toMatchObject({ ok: false, findings: [{ message: 'The postal code does not match the city.' }] });
      }),
    );

    it(
      'a customer is created at once, reports provisioning while polled, then provisioned with its organization',
      withIt(async (p) => {
        const { customerId } = await p.provisioning.createCustomer(customerRequest('Acme'));
        const settled = await pollUntilSettled(p, customerId);
        expect(settled).toMatchObject({ id: customerId, status: 'provisioned', orgId: expect.any(String) });
        expect(settled.packages.map((x) => [x.name, x.status])).toEqual([
          ['webex_calling', 'provisioned'],
          ['webex_meetings', 'provisioned'],
        ]);
      }),
    );

    it(
      'creating the same customer again (same external id) finds the first one',
      withIt(async (p) => {
        const first = await p.provisioning.createCustomer(customerRequest('Acme'));
        expect(await p.provisioning.createCustomer(customerRequest('Acme'))).toEqual(first);
      }),
    );

    it(
      'a package that failed is reported with its reasons, the others provisioned',
      withIt(async (p) => {
        p.failPackage('Globex', 'webex_calling', 'No numbers are available in this area.');
        const { customerId } = await p.provisioning.createCustomer(customerRequest('Globex'));
        const settled = await pollUntilSettled(p, customerId);
        expect(settled).toMatchObject({ status: 'provisioned_with_errors', orgId: expect.any(String) });
        expect(settled.packages.find((x) => x.name === 'webex_calling')).toMatchObject({
          status: 'error',
          errors: [{ description: 'No numbers are available in this area.' }],
        });
        expect(settled.packages.find((x) => x.name === 'webex_meetings')?.status).toBe('provisioned');
      }),
    );

    it(
      'a customer held for compliance review has no organization yet',
      withIt(async (p) => {
        p.complianceReview('Initech');
        const { customerId } = await p.provisioning.createCustomer(customerRequest('Initech'));
        const settled = await pollUntilSettled(p, customerId);
        expect(settled.status).toBe('pending_rpl_review');
        expect(settled.orgId).toBeUndefined();
      }),
    );

    it(
      'an outage is ProvisioningUnavailable and creates nothing; the call works once it is over',
      withIt(async (p) => {
        p.unavailable(1);
        await expect(p.provisioning.createCustomer(customerRequest('Acme'))).rejects.toBeInstanceOf(ProvisioningUnavailable);
        const { customerId } = await p.provisioning.createCustomer(customerRequest('Acme'));
        expect((await p.provisioning.getCustomer(customerId)).status).toBe('provisioning');
      }),
    );

    it(
      'an unknown customer id is refused, not an outage',
      withIt(async (p) => {
        await expect(p.provisioning.getCustomer('cust-never-created')).rejects.toBeInstanceOf(ProvisioningRefused);
      }),
    );

    it(
      'an unsupported country is refused at creation too, in words',
      withIt(async (p) => {
        const err = await p.provisioning.createCustomer(customerRequest('Acme', { address: { ...HQ, country: 'KP' } })).catch((e) => e);
        expect(err).toBeInstanceOf(ProvisioningRefused);
        expect(err.message).toMatch(/not one of the supported countries/);
      }),
    );
  });

  describe(`${name}: locations and users`, () => {
    const provisioned = async (p: ProvisioningUnderTest) => {
      const { customerId } = await p.provisioning.createCustomer(customerRequest('Acme'));
      const { orgId } = await pollUntilSettled(p, customerId);
      return { customerId, orgId: orgId! };
    };
    const user = (customerId: string, email: string) =>
      ({ customerId, email, package: 'webex_calling', firstName: 'Ada', lastName: 'Lovelace', extension: '1001' }) as const;

    it(
      'adds a branch location once per name',
      withIt(async (p) => {
        const { orgId } = await provisioned(p);
        const branch = { orgId, name: 'Dallas', address: { ...HQ, city: 'Dallas' }, timezone: 'America/Chicago', language: 'en_us' };
        expect(await p.provisioning.createLocation(branch)).toEqual({ locationId: expect.any(String) });
        await expect(p.provisioning.createLocation(branch)).rejects.toBeInstanceOf(ProvisioningRefused);
        const elsewhere = { ...branch, orgId: 'org-never-provisioned' };
        await expect(p.provisioning.createLocation(elsewhere)).rejects.toBeInstanceOf(ProvisioningRefused);
      }),
    );

    it(
      'provisions a user; the same email again, or one taken elsewhere, is refused with 10022 in words',
      withIt(async (p) => {
        const { customerId } = await provisioned(p);
        expect(await p.provisioning.createSubscriber(user(customerId, 'ada@acme.example'))).toEqual({
          status: 'provisioned',
          subscriberId: expect.any(String),
        });
        const again = await p.provisioning.createSubscriber(user(customerId, 'ada@acme.example'));
        expect(again).toEqual({ status: 'refused', code: '10022', message: expect.stringMatching(/already belongs to a Webex user/) });
        p.emailTaken('bob@acme.example');
        expect(await p.provisioning.createSubscriber(user(customerId, 'bob@acme.example'))).toMatchObject({
          status: 'refused',
          code: '10022',
        });
      }),
    );

    it(
      'a free Webex account waits for the user to consent; the consent email can be sent again',
      withIt(async (p) => {
        const { customerId } = await provisioned(p);
        p.pendingMigration('cy@acme.example');
        const outcome = await p.provisioning.createSubscriber(user(customerId, 'cy@acme.example'));
        expect(outcome).toEqual({ status: 'pending_user_migration', subscriberId: expect.any(String) });
        if (outcome.status !== 'pending_user_migration') return;
        await p.provisioning.resendConsentEmail(outcome.subscriberId);
        expect(p.consentEmailsSent(outcome.subscriberId)).toBe(1);
        const done = await p.provisioning.createSubscriber(user(customerId, 'dee@acme.example'));
        if (done.status !== 'provisioned') throw new Error('expected provisioned');
        await expect(p.provisioning.resendConsentEmail(done.subscriberId)).rejects.toBeInstanceOf(ProvisioningRefused);
      }),
    );
  });
}
