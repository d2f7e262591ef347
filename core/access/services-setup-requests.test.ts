import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../directory/directory';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { SETUP_MEMBERS, servicesSetupAccessHarness } from '../../test/fakes/services-setup-access-harness';

const { pat, otto } = SETUP_PEOPLE;
const { mona, pia } = SETUP_MEMBERS;

const COMPLETE = {
  sipAddressName: 'globex',
  confirmCountry: true,
  timezone: 'Europe/London',
  platform: 'webex-contact-center',
  telephony: 'vpop',
};

/** Mona (Ordering in the partner domain) fills the whole wizard as a draft, then asks for Submit. */
async function memberAsks() {
  const h = await servicesSetupAccessHarness();
  await h.setup.updateServicesSetup({ actor: h.as(mona), customerId: h.customer.id, changes: COMPLETE });
  const asked = await h.setup.submitServicesSetup({ actor: h.as(mona), customerId: h.customer.id }).catch((e: unknown) => e);
  const request = [...h.deps.accessRequests.requests.values()].at(-1);
  const decide = (decision: 'approve' | 'decline', by: DirectoryUser = pia) =>
    h.core.decideAccessRequest({ actor: h.as(by), requestId: request?.id ?? 'none', decision });
  return { ...h, asked, request, decide };
}

describe("a partner member's services setup Submit goes to the domain's administrators", () => {
  it('asks every Administrator of the partner domain for the setup as filled, and submits nothing yet', async () => {
    const h = await memberAsks();
    expect(h.asked).toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
      details: {
        action: 'submit the services setup of Globex Retail',
        administrators: ['Pat Partner', 'Pia Partner'],
        state: 'sent',
      },
    });
    expect(h.request?.action).toEqual({
      kind: 'submit-services-setup',
      customerId: h.customer.id,
      customerName: 'Globex Retail',
      version: 1,
      setup: {
        countryOfOperation: 'GB',
        timezone: 'Europe/London',
        platform: 'webex-contact-center',
        telephony: 'vpop',
        sipAddressName: 'globex',
      },
    });
    expect(await h.repo.find(h.customer.id)).toMatchObject({ state: 'draft', version: 1, backendJobId: null, submittedAt: null });
    expect(h.slack.sent.map((r) => r.id)).toEqual([h.request?.id]);
    expect(h.deps.email.accessRequests.map((r) => r.id)).toEqual([h.request?.id]);
  });

  it("on approval submits the setup as the member's, and the member hears it and gets the progress message", async () => {
    const h = await memberAsks();
    const decided = await h.decide('approve');
    expect(decided.outcome).toEqual({ ok: true, result: { kind: 'services-setup-submitted', customerName: 'Globex Retail' } });
    const after = await h.repo.find(h.customer.id);
    expect(after).toMatchObject({ state: 'submitted', submittedBy: mona.email, backendJobId: expect.any(String) });
    expect(after?.submitter).toEqual({ channel: 'slack', platformUserId: 'UMONA', email: mona.email });
    expect(h.slack.told.at(-1)).toMatchObject({ id: h.request?.id, status: 'Approved', outcome: { ok: true } });
    const progress = h.slack.notices.filter((n) => n.notice.kind === 'services-setup-progress');
    expect(progress.map((n) => n.to)).toEqual([expect.objectContaining({ kind: 'user', platformUserId: 'UMONA' })]);
  });

  it('on a decline submits nothing and tells the member', async () => {
    const h = await memberAsks();
    const before = await h.repo.find(h.customer.id);
    const decided = await h.decide('decline', pat);
    expect(decided.request).toMatchObject({ status: 'Declined', outcome: null });
    expect(await h.repo.find(h.customer.id)).toEqual(before);
    expect(h.slack.told.at(-1)).toMatchObject({ id: h.request?.id, status: 'Declined' });
  });

  it('an approval of a setup changed since it was asked for submits nothing, and the member hears why', async () => {
    const h = await memberAsks();
    await h.setup.updateServicesSetup({ actor: h.as(mona), customerId: h.customer.id, changes: { timezone: 'Europe/Dublin' } });
    const before = await h.repo.find(h.customer.id);
    const decided = await h.decide('approve');
    expect(decided.outcome).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      details: { reason: expect.stringContaining('changed after it was sent for approval') },
    });
    expect(await h.repo.find(h.customer.id)).toEqual(before);
    expect(h.slack.told.at(-1)).toMatchObject({ status: 'Approved', outcome: { ok: false, code: 'CONFLICT' } });
  });

  it('an approval of a setup an administrator already submitted changes nothing, and says so', async () => {
    const h = await memberAsks();
    await h.setup.submitServicesSetup({ actor: h.as(pat), customerId: h.customer.id });
    const before = await h.repo.find(h.customer.id);
    const decided = await h.decide('approve');
    expect(decided.outcome).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      details: { reason: expect.stringContaining('already submitted') },
    });
    expect(await h.repo.find(h.customer.id)).toEqual(before);
    expect(before).toMatchObject({ submittedBy: pat.email });
  });

  it('asking twice for the same setup waits for the first decision', async () => {
    const h = await memberAsks();
    const again = await h.setup.submitServicesSetup({ actor: h.as(mona), customerId: h.customer.id }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'ADMIN_APPROVAL_REQUESTED', details: { state: 'waiting' } });
    expect(h.deps.accessRequests.requests.size).toBe(1);
  });

  it("refuses a member's incomplete setup at once, naming what is missing, and asks nobody", async () => {
    const h = await servicesSetupAccessHarness();
    await h.setup.updateServicesSetup({ actor: h.as(mona), customerId: h.customer.id, changes: { sipAddressName: 'globex' } });
    const before = await h.repo.find(h.customer.id);
    const err = await h.setup.submitServicesSetup({ actor: h.as(mona), customerId: h.customer.id }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'confirmCountry' })]) },
    });
    expect(h.deps.accessRequests.requests.size).toBe(0);
    expect(await h.repo.find(h.customer.id)).toEqual(before);
  });

  it('a stranger to the partner domain is refused without a request, an administrator named or a change stored', async () => {
    const h = await servicesSetupAccessHarness();
    await h.setup.updateServicesSetup({ actor: h.as(pat), customerId: h.customer.id, changes: COMPLETE });
    const before = await h.repo.find(h.customer.id);
    const submit = await h.setup.submitServicesSetup({ actor: h.as(otto), customerId: h.customer.id }).catch((e: unknown) => e);
    const change = await h.setup
      .updateServicesSetup({ actor: h.as(otto), customerId: h.customer.id, changes: { timezone: 'Europe/Dublin' } })
      .catch((e: unknown) => e);
    for (const err of [submit, change]) {
      expect(err).toMatchObject({ code: 'NOT_AUTHORIZED' });
      expect(JSON.stringify(err)).not.toMatch(/Pat|Pia/);
    }
    await expect(h.setup.getServicesSetup({ actor: h.as(otto), customerId: h.customer.id })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(h.deps.accessRequests.requests.size).toBe(0);
    expect(await h.repo.find(h.customer.id)).toEqual(before);
  });
});
