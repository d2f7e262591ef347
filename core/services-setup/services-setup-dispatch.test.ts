import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { createCore } from '../index';

const { carla } = SETUP_PEOPLE;
const pat = { ...SETUP_PEOPLE.pat, slackUserId: 'UPAT' };

/** The services setup and the core's dispatcher over one outbox, as one bot process has them. */
async function setupWithDispatcher() {
  const h = await servicesSetupHarness();
  const c = coreHarness();
  const deps = {
    ...c.deps,
    outbox: h.outbox,
    clock: h.clock,
    servicesSetup: { servicesSetups: h.repo, customers: h.customers, connectActivations: h.repo, setupBackend: h.setupBackend },
  };
  const core = createCore(deps);
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
  return { ...h, dispatch: () => core.dispatchDeliveries(), slack: c.slack, email: deps.email };
}

describe('services setup notices through the dispatcher', () => {
  it('posts the progress message, updates that copy as the setup advances, then sends the order summary', async () => {
    const h = await setupWithDispatcher();
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    await h.dispatch();
    expect(h.slack.notices.map((n) => [n.notice.kind, n.to.kind === 'user' && n.to.platformUserId])).toEqual([
      ['services-setup-progress', 'UPAT'],
    ]);
    const copy = h.slack.notices[0]!.message;
    expect(await h.repo.listPostedMessages('cust-1')).toEqual([copy]);

    h.clock.advanceMinutes(1);
    await h.core.advanceServicesSetups();
    await h.dispatch();
    expect(h.slack.updates).toHaveLength(1);
    const first = h.slack.updates[0]!;
    expect(first.message).toEqual(copy);
    expect(first.notice.kind === 'services-setup-progress' && first.notice.progress.filter((s) => s.done)).toHaveLength(1);

    h.clock.advanceMinutes(10);
    await h.core.advanceServicesSetups();
    await h.dispatch();
    const last = h.slack.updates.at(-1)!;
    expect(last.notice.kind === 'services-setup-progress' && last.notice.summary.state).toBe('completed');
    expect(h.slack.notices.map((n) => n.notice.kind)).toEqual(['services-setup-progress', 'order-summary']);
    const summaries = h.email.notices.filter((n) => n.notice.kind === 'order-summary');
    expect(summaries.map((n) => n.to).sort()).toEqual([carla.email, pat.email].sort());
    expect(summaries.every((n) => n.notice.kind === 'order-summary' && n.notice.summary.customerName === h.customer.name)).toBe(true);
  });
});
