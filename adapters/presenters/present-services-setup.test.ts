import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { SETUP_MEMBERS, servicesSetupAccessHarness } from '../../test/fakes/services-setup-access-harness';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { pageAfter, presentSetupPage } from './present-services-setup';
import { presentCustomerAdmins, setupReminderLine, withSetupReminder } from './present-setup-notices';
import { viewToText } from './view';

async function confirmed(country: string, customer = {}) {
  const h = await servicesSetupHarness({ customer: { orderCountry: country, ...customer } });
  const actor = h.as(SETUP_PEOPLE.pat);
  await h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { countryOfOperation: country, confirmCountry: true } });
  return h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { platform: 'webex-contact-center' } });
}

describe('services setup pages', () => {
  it('marks VPOP legacy and not recommended where the region offers it', async () => {
    const page = presentSetupPage(await confirmed('GB'), 'telephony');
    expect(page.input?.choices.find((c) => c.value === 'vpop')).toEqual({
      value: 'vpop',
      label: 'Support for external and third-party telephony environments using VPOP',
      tag: 'legacy, not recommended',
    });
    expect(page.paragraphs).toContain('VPOP is a legacy option. It is not recommended for new customers.');
  });

  it('offers no VPOP in the Gulf region', async () => {
    const page = presentSetupPage(await confirmed('BH'), 'telephony');
    expect(page.input?.choices.map((c) => c.value)).toEqual(['webex-calling', 'webex-calling-pstn-services']);
  });

  it('starts the country at the order mapping’s, says the confirmation is final, and reviews with Go back and edit', async () => {
    const h = await servicesSetupHarness({ customer: { orderCountry: 'DE' } });
    const view = await h.core.getServicesSetup({ actor: h.as(SETUP_PEOPLE.pat), customerId: 'cust-1' });
    expect(presentSetupPage(view, 'country').input).toMatchObject({ initial: 'DE', kind: 'choice' });
    expect(presentSetupPage(view, 'confirm-country').paragraphs.join(' ')).toContain(
      "You can't change the country of operation for Webex Contact Center after you confirm.",
    );
    expect(presentSetupPage(view, 'review')).toMatchObject({ submitLabel: 'Submit', backTo: 'calling-setup' });
    expect(pageAfter(view, 'country')).toBe('confirm-country');
  });

  it('tells a partner member on the review that Submit only asks the domain’s administrators, by name; an administrator submits', async () => {
    const h = await servicesSetupAccessHarness();
    const changes = {
      sipAddressName: 'globex',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'vpop',
    };
    const filled = await h.setup.updateServicesSetup({ actor: h.as(SETUP_MEMBERS.mona), customerId: h.customer.id, changes });
    expect(presentSetupPage(filled, 'review')).toMatchObject({
      submitLabel: 'Ask the administrators',
      submitNotice:
        "You don't hold the Administrator role in acme-partner.example: this sends your services setup to its administrators (Pat Partner, Pia Partner), and I'll tell you their answer.",
    });
    // Only the review's button asks: the pages before it save the member's draft as anyone's.
    expect(presentSetupPage(filled, 'platform')).toMatchObject({ submitLabel: 'Next', submitNotice: null });
    const asAdmin = await h.setup.getServicesSetup({ actor: h.as(SETUP_MEMBERS.pia), customerId: h.customer.id });
    expect(presentSetupPage(asAdmin, 'review')).toMatchObject({ submitLabel: 'Submit', submitNotice: null });
  });

  it('tells the user of an incompatible location to contact Cisco Solution Assurance', async () => {
    const h = await servicesSetupHarness({ customer: { orderCountry: 'KP' } });
    const view = await h.core.getServicesSetup({ actor: h.as(SETUP_PEOPLE.pat), customerId: 'cust-1' });
    const page = presentSetupPage(view, 'country');
    expect(page.paragraphs.join(' ')).toContain('contact Cisco Solution Assurance for support');
    expect(page.input?.initial).toBeNull();
  });
});

describe('setup notices', () => {
  it('adds the reminder line once', () => {
    const line = setupReminderLine([{ customerId: 'c', customerName: 'Globex', state: 'draft' }], '');
    const once = withSetupReminder({ title: 't', tone: 'info', paragraphs: [] }, line);
    expect(withSetupReminder(once, line).paragraphs).toEqual(['Your services setup for Globex is not finished: services setup Globex']);
    expect(setupReminderLine([], '')).toBeNull();
  });

  it('shows each administrator’s Control Hub and Connect roles, and both tables', async () => {
    const h = await servicesSetupHarness();
    const text = viewToText(presentCustomerAdmins(await h.core.customerAdmins({ actor: h.as(SETUP_PEOPLE.pat), customerId: 'cust-1' })));
    expect(text).toContain(
      'Cole Contact (cole@globex.example)\n  Control Hub role: Customer Contact Center Administrator\n  Connect role: Connect Tenant Owner',
    );
    expect(text).toContain('Control Hub users sync in Connect\n  Customer Administrator: Full Administrator: Connect Tenant Owner');
    expect(text).toContain('Connect users sync in Control Hub\n  Connect Read-only: Customer Administrator: Read-only');
    expect(text).toContain('Connect Limited: Customer Administrator: Read-only');
  });
});
