import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { addBusinessDays } from './business-days';

const { pat, carla } = SETUP_PEOPLE;

/** A setup completed on Monday 2026-11-23 around 10:04 UTC (the harness's clock starts on a Monday). */
async function completedSetup() {
  const h = await servicesSetupHarness();
  const actor = h.as(pat);
  await h.core.updateServicesSetup({
    actor,
    customerId: 'cust-1',
    changes: {
      sipAddressName: 'globex',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    },
  });
  await h.core.submitServicesSetup({ actor, customerId: 'cust-1' });
  h.clock.advanceMinutes(5);
  await h.core.advanceServicesSetups();
  // Connect's notices only: the completion's order summary emails are services-setup-notices.test.ts's.
  const notices = () =>
    h.outbox.deliveries
      .filter((d) => d.content.kind === 'connect-activation')
      .map(
        (d) =>
          `${d.content.kind === 'connect-activation' ? d.content.stage : d.content.kind} → ${d.target.channel === 'email' ? d.target.address : '?'}`,
      );
  return { ...h, notices };
}

describe('business days', () => {
  it('skip weekends both ways', () => {
    const friday = new Date('2026-11-27T09:00:00Z');
    expect(addBusinessDays(friday, 1).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(addBusinessDays(friday, 7).toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(addBusinessDays(new Date('2026-11-30T09:00:00Z'), -2).toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });
});

describe('Connect activation within 7 business days', () => {
  it('sets the first administrator a deadline of 7 business days, weekends excluded, when the setup completes', async () => {
    const h = await completedSetup();
    const [activation] = await h.repo.listForCustomer('cust-1');
    expect(activation).toMatchObject({ adminEmail: 'carla@globex.example' });
    // Monday + 7 business days: Wednesday of the next week.
    expect(activation!.deadline.toISOString().slice(0, 10)).toBe('2026-12-02');
    expect(activation!.remindAt.toISOString().slice(0, 10)).toBe('2026-11-30');
  });

  it('reminds the administrator two business days before the deadline, once', async () => {
    const h = await completedSetup();
    h.clock.set('2026-11-28T12:00:00Z');
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 0, expired: 0 });
    h.clock.set('2026-11-30T11:00:00Z');
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 1, expired: 0 });
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 0, expired: 0 });
    expect(h.notices()).toEqual(['reminder → carla@globex.example']);
  });

  it('when the deadline passes, tells the administrator they must be added again and tells the partner', async () => {
    const h = await completedSetup();
    h.clock.set('2026-12-02T11:00:00Z');
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 0, expired: 1 });
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 0, expired: 0 });
    expect(h.notices().sort()).toEqual(['expired → carla@globex.example', 'partner-expired → pat@acme-partner.example']);
  });
});

describe('customer administrators and their Connect roles', () => {
  it('maps each Control Hub role to its Connect role and back, as the seed’s two tables', async () => {
    const h = await completedSetup();
    const { admins } = await h.core.customerAdmins({ actor: h.as(carla), customerId: 'cust-1' });
    expect(admins.map((a) => [a.email, a.controlHubRole, a.connectRole, a.controlHubRoleFromConnect])).toEqual([
      ['carla@globex.example', 'Full Administrator', 'Connect Tenant Owner', 'Full Administrator'],
      ['rory@globex.example', 'Read-only Administrator', 'Connect Read-only', 'Read-only Administrator'],
      ['cole@globex.example', 'Contact Center Administrator', 'Connect Tenant Owner', 'Full Administrator'],
    ]);
    expect(admins[0]!.activation).toMatchObject({ state: 'waiting' });
  });
});
