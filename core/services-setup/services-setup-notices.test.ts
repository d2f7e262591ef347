import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import type { Actor } from '../directory/actor';

const { carla } = SETUP_PEOPLE;
/** The partner's administrator, as the Slack adapter knows them. */
const pat = { ...SETUP_PEOPLE.pat, slackUserId: 'UPAT' };

/** A setup ready to submit, every page answered. */
async function readySetup() {
  const h = await servicesSetupHarness();
  await h.core.updateServicesSetup({
    actor: h.as(pat),
    customerId: 'cust-1',
    changes: {
      sipAddressName: 'globex',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'vpop',
    },
  });
  return h;
}
type Harness = Awaited<ReturnType<typeof readySetup>>;
const byKind = (h: Harness, kind: string) => h.outbox.deliveries.filter((d) => d.content.kind === kind);

/** The progress message as the dispatcher would record it once posted in Pat's DM. */
function posted(h: Harness) {
  h.outbox.servicesSetupCopies.set('cust-1', [{ platform: 'slack', address: 'D0PAT:1700000000.000100' }]);
}

describe('services setup notices: progress message and order summary', () => {
  it('Submit writes one progress message to the submitter’s direct chat, with the save', async () => {
    const h = await readySetup();
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    const progress = byKind(h, 'services-setup-progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]!.target).toEqual({
      channel: 'chat',
      platform: 'slack',
      to: { kind: 'user', platformUserId: pat.slackUserId, email: pat.email },
    });
    expect((await h.repo.find('cust-1'))?.submitter).toEqual({ channel: 'slack', platformUserId: pat.slackUserId, email: pat.email });
  });

  it('a submit through the API (no chat) writes no progress message, and nothing is written for a refused submit', async () => {
    const h = await readySetup();
    const api: Actor = { ...h.as(pat), channel: 'api', platformUserId: null, email: null };
    await h.core.submitServicesSetup({ actor: api, customerId: 'cust-1' });
    expect(byKind(h, 'services-setup-progress')).toEqual([]);
    const before = h.outbox.deliveries.length;
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' }).catch(() => null);
    expect(h.outbox.deliveries).toHaveLength(before);
  });

  it('each step the backend reports updates every posted copy in place, once per version', async () => {
    const h = await readySetup();
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    posted(h);
    h.clock.advanceMinutes(1);
    await h.core.advanceServicesSetups();
    // Nothing new from the backend: no save, no second update.
    await h.core.advanceServicesSetups();
    const updates = byKind(h, 'services-setup-update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.content).toEqual({
      kind: 'services-setup-update',
      customerId: 'cust-1',
      message: { platform: 'slack', address: 'D0PAT:1700000000.000100' },
    });
    expect(updates[0]!.key).toContain(`:v${(await h.repo.find('cust-1'))!.version}:`);
  });

  it('on completion the order summary goes to the administrator and the submitter by email and to the submitter’s chat', async () => {
    const h = await readySetup();
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    posted(h);
    h.clock.advanceMinutes(10);
    expect(await h.core.advanceServicesSetups()).toEqual({ completed: 1, failed: 0 });
    const targets = byKind(h, 'order-summary').map((d) => d.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        { channel: 'email', address: carla.email, asUser: false, domain: h.customer.partnerDomain },
        { channel: 'email', address: pat.email, asUser: false, domain: h.customer.partnerDomain },
        { channel: 'chat', platform: 'slack', to: { kind: 'user', platformUserId: pat.slackUserId, email: pat.email } },
      ]),
    );
    expect(targets).toHaveLength(3);
    // The progress message shows the completion too.
    expect(byKind(h, 'services-setup-update')).toHaveLength(1);
  });

  it('a customer administrator who submits gets one summary email, not two', async () => {
    const h = await readySetup();
    await h.core.submitServicesSetup({ actor: h.as(carla), customerId: 'cust-1' });
    h.clock.advanceMinutes(10);
    await h.core.advanceServicesSetups();
    const emails = byKind(h, 'order-summary').filter((d) => d.target.channel === 'email');
    expect(emails.map((d) => d.target.channel === 'email' && d.target.address)).toEqual([carla.email]);
  });
});
