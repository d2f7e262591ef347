import { describe, expect, it } from 'vitest';
import { customerInput, HEADQUARTERS, onboardingHarness, PARTNER, templateInput } from '../../test/fixtures/onboarding';
import { ProvisioningUnavailable } from '../../test/fakes/scripted-customer-provisioning';

const failure = (e: unknown) => e as { code: string; details: { fields?: { field: string; message: string }[]; issues: string[] } };

describe('createCustomer', () => {
  it('prechecks, creates the customer on Webex with the template, and answers at once with status provisioning', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    const customer = await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id) });

    expect(customer).toMatchObject({ domain: PARTNER, name: 'Globex Corporation', status: 'provisioning', orgId: null });
    expect(customer.locations).toEqual([expect.objectContaining({ headquarters: true, address: HEADQUARTERS })]);
    expect(h.webex.calls.map((c) => c.method)).toEqual(['precheck', 'createCustomer']);
    const [create] = h.webex.callsOf('createCustomer');
    expect(create!.request).toMatchObject({
      provisioningId: template.provisioningId,
      externalId: customer.id,
      packages: ['webex_calling'],
      customerInfo: { name: 'Globex Corporation', primaryEmail: 'it-admin@globex.example', language: 'en_US' },
      callingLocation: { address: HEADQUARTERS, timezone: 'America/New_York', language: 'en_US' },
    });
    expect(customer.remoteCustomerId).toBe(h.webex.lastCustomerId);
    expect((await h.core.getTemplate({ actor: h.as('paula'), templateId: template.id })).customerCount).toBe(1);
  });

  it('sends no calling location when no package brings calling', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id, { packages: ['webex_meetings'] }) });
    expect(h.webex.callsOf('createCustomer')[0]!.request.callingLocation).toBeUndefined();
  });

  const refusals: [string, (templateId: string) => Record<string, unknown>, string, RegExp][] = [
    [
      'a missing address line 1',
      (t) => customerInput(t, { headquarters: { ...HEADQUARTERS, addressLine1: '' } }),
      'headquarters.addressLine1',
      /Address line 1 is required/,
    ],
    [
      'an address line over 50 characters',
      (t) => customerInput(t, { headquarters: { ...HEADQUARTERS, addressLine2: 'x'.repeat(51) } }),
      'headquarters.addressLine2',
      /at most 50 characters/,
    ],
    [
      'a country outside the supported list',
      (t) => customerInput(t, { headquarters: { ...HEADQUARTERS, country: 'KP' } }),
      'headquarters.country',
      /cannot create customers headquartered in KP/,
    ],
    [
      'an unchecked supported-location box',
      (t) => customerInput(t, { supportedLocationVerified: false }),
      'supportedLocationVerified',
      /supported location/,
    ],
    [
      'a malformed administrator email',
      (t) => customerInput(t, { adminEmail: 'it-admin at globex' }),
      'adminEmail',
      /must be an email address/,
    ],
    ['an unknown template', () => customerInput('tpl-unknown'), 'templateId', /no onboarding template with that id/],
    ['a company name with %', (t) => customerInput(t, { name: '100% Widgets' }), 'name', /must not contain %/],
    [
      'an add-on without a calling package',
      (t) => customerInput(t, { packages: ['webex_meetings', 'cisco_calling_plan'] }),
      'packages',
      /add-on/,
    ],
    [
      'a package the template does not allow',
      (t) => customerInput(t, { packages: ['webex_suite'] }),
      'packages',
      /does not allow webex_suite/,
    ],
  ];
  for (const [what, input, field, message] of refusals) {
    it(`refuses ${what}, naming the field, and creates nothing`, async () => {
      const h = await onboardingHarness();
      const template = await h.template();
      const err = failure(await h.core.createCustomer({ actor: h.as('paula'), customer: input(template.id) }).catch((e: unknown) => e));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.fields).toEqual([{ field, message: expect.stringMatching(message) }]);
      expect(h.deps.customers.customers.size).toBe(0);
      expect(h.webex.callsOf('createCustomer')).toEqual([]);
    });
  }

  it('refuses a template of another domain as unknown', async () => {
    const h = await onboardingHarness();
    const theirs = await h.core.createTemplate({
      actor: h.as('otto'),
      template: templateInput({ domain: 'other.example' }),
    });
    const err = failure(await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(theirs.id) }).catch((e: unknown) => e));
    expect(err.details.fields?.[0]?.field).toBe('templateId');
    expect(h.deps.customers.customers.size).toBe(0);
  });

  it("shows the backend precheck's findings in words and creates nothing", async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    h.webex.precheckFindings = [{ code: '4003', message: 'The postal code does not match the city.' }];
    const err = failure(
      await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id) }).catch((e: unknown) => e),
    );
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ message: 'The postal code does not match the city.' }] },
    });
    expect(h.webex.callsOf('createCustomer')).toEqual([]);
    expect(h.deps.customers.customers.size).toBe(0);
  });

  it('stores nothing when Webex cannot take the request now', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    h.webex.unavailable = new ProvisioningUnavailable('429 Too Many Requests', 30_000);
    await expect(h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id) })).rejects.toMatchObject({
      code: 'PROVISIONING_UNAVAILABLE',
      details: { retryAfterSeconds: 30 },
    });
    expect(h.deps.customers.customers.size).toBe(0);
  });

  it('lets only an Administrator of the domain create a customer: a member asks, a stranger is refused', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    await expect(h.core.createCustomer({ actor: h.as('olive'), customer: customerInput(template.id) })).rejects.toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
    });
    await expect(h.core.createCustomer({ actor: h.as('otto'), customer: customerInput(template.id) })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(h.webex.calls).toEqual([]);
    expect(h.deps.customers.customers.size).toBe(0);
  });
});
