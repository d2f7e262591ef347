import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness, templateInput } from '../../test/fixtures/onboarding';

const failure = (e: unknown) => e as { code: string; details: { fields?: { field: string; message: string }[] } };

describe('checkCustomer (the review before Create customer)', () => {
  it('runs the backend precheck and answers with the template’s name, creating nothing', async () => {
    const h = await onboardingHarness();
    const template = await h.template({ name: 'Retail calling' });
    const check = await h.core.checkCustomer({ actor: h.as('paula'), customer: customerInput(template.id) });
    expect(check).toEqual({ templateName: 'Retail calling', precheck: 'passed', submitAsks: null });
    expect(h.webex.calls.map((c) => c.method)).toEqual(['precheck']);
    expect(h.deps.customers.customers.size).toBe(0);
  });

  it('puts the precheck’s findings under the headquarters, in its words', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    h.webex.precheckFindings = [{ code: '4003', message: 'The postal code does not match the city.' }];
    const err = failure(await h.core.checkCustomer({ actor: h.as('paula'), customer: customerInput(template.id) }).catch((e) => e));
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'headquarters', message: 'The postal code does not match the city.' }] },
    });
    expect(h.webex.callsOf('createCustomer')).toEqual([]);
  });

  it('refuses a bad form before asking the backend anything', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    const err = failure(
      await h.core.checkCustomer({ actor: h.as('paula'), customer: customerInput(template.id, { adminEmail: 'nope' }) }).catch((e) => e),
    );
    expect(err.details.fields).toEqual([expect.objectContaining({ field: 'adminEmail' })]);
    expect(h.webex.calls).toEqual([]);
  });

  it('lets a member of the domain review (Create then asks its administrators), and refuses a stranger before asking Webex', async () => {
    const h = await onboardingHarness();
    const template = await h.template();
    const stranger = failure(await h.core.checkCustomer({ actor: h.as('otto'), customer: customerInput(template.id) }).catch((e) => e));
    expect(stranger.code).toBe('NOT_AUTHORIZED');
    expect(h.webex.calls).toEqual([]);
    expect(await h.core.checkCustomer({ actor: h.as('olive'), customer: customerInput(template.id) })).toMatchObject({
      precheck: 'passed',
      // The review must say Create only asks, and whom: decided here, not in the adapters.
      submitAsks: { domain: 'acme.example', administrators: ['Paula Partner'] },
    });
    expect(await h.core.listCustomers({ actor: h.as('paula') })).toEqual([]);
    expect(h.deps.accessRequests.requests.size).toBe(0);
  });
});

describe('checkTemplate (the review before Submit)', () => {
  it('tells a member of the domain that Submit asks its administrators, and asks nobody yet', async () => {
    const h = await onboardingHarness();
    expect(await h.core.checkTemplate({ actor: h.as('olive'), template: templateInput() })).toEqual({
      checked: true,
      submitAsks: { domain: 'acme.example', administrators: ['Paula Partner'] },
    });
    expect(h.deps.accessRequests.requests.size).toBe(0);
  });

  it('passes a good template and stores nothing', async () => {
    const h = await onboardingHarness();
    expect(await h.core.checkTemplate({ actor: h.as('paula'), template: templateInput() })).toEqual({ checked: true, submitAsks: null });
    expect(await h.core.listTemplates({ actor: h.as('paula') })).toEqual([]);
  });

  it('refuses a bad time zone under its field', async () => {
    const h = await onboardingHarness();
    const err = failure(
      await h.core.checkTemplate({ actor: h.as('paula'), template: templateInput({ timezone: 'Mars/Base' }) }).catch((e) => e),
    );
    expect(err.details.fields).toEqual([expect.objectContaining({ field: 'timezone' })]);
  });
});
