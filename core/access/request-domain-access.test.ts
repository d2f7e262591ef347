import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness, PARTNER, templateInput } from '../../test/fixtures/onboarding';
import type { Actor } from '../directory/actor';

/** The onboarding harness plus a second Administrator of the partner domain, reachable by email only. */
async function setup() {
  const h = await onboardingHarness();
  const pia = await h.deps.users.upsert({
    email: 'pia@acme.example',
    name: 'Pia Partner',
    slackUserId: null,
    teamsUserId: null,
    roles: [{ role: 'Administrator', domain: PARTNER }],
  });
  const piaActor: Actor = { channel: 'email', name: pia.name, email: pia.email, platformUserId: null, user: pia };
  const requests = () => [...h.deps.accessRequests.requests.values()];
  return { ...h, piaActor, requests };
}

const asked = (state: 'sent' | 'waiting', action = `create onboarding templates in ${PARTNER}`) => ({
  code: 'ADMIN_APPROVAL_REQUESTED',
  details: { domain: PARTNER, action, administrators: ['Paula Partner', 'Pia Partner'], state },
});

describe('a member of the partner domain asking its administrators for an onboarding write', () => {
  it('creates nothing, asks every Administrator (chat where they have it, else email) and names them to the requester', async () => {
    const h = await setup();
    await expect(h.core.createTemplate({ actor: h.as('olive'), template: templateInput() })).rejects.toMatchObject(asked('sent'));
    expect(h.deps.templates.templates.size).toBe(0);
    expect(h.requests()).toMatchObject([
      { orderNumber: null, domain: PARTNER, approver: null, status: 'Pending', requester: { name: 'Olive Orderer' } },
    ]);
    expect(h.slack.notices.filter((n) => n.notice.kind === 'access-request').map((n) => n.to)).toMatchObject([
      { kind: 'user', platformUserId: 'UPAULA' },
    ]);
    expect(h.deps.email.accessRequests).toHaveLength(1);
    expect(h.deps.email.notices.filter((n) => n.notice.kind === 'access-request').map((n) => n.to)).toEqual(['pia@acme.example']);
    expect(h.teams.sent).toEqual([]);
  });

  it("any one administrator's approval creates the template with the requester's input, updates the other copies and tells the requester", async () => {
    const h = await setup();
    await h.core.createTemplate({ actor: h.as('olive'), template: templateInput({ name: 'Olive asks' }) }).catch(() => undefined);
    const [request] = h.requests();
    const decided = await h.core.decideAccessRequest({ actor: h.piaActor, requestId: request!.id, decision: 'approve' });
    expect(decided.outcome).toMatchObject({
      ok: true,
      result: { kind: 'template-created', template: { name: 'Olive asks', domain: PARTNER } },
    });
    expect([...h.deps.templates.templates.values()]).toMatchObject([{ name: 'Olive asks', createdBy: { name: 'Olive Orderer' } }]);
    expect(h.slack.updated.map((u) => [u.request.status, u.request.decidedBy?.name])).toEqual([['Approved', 'Pia Partner']]);
    expect(h.slack.told.map((r) => r.status)).toEqual(['Approved']);
    expect(h.deps.email.decisions.map((d) => d.to)).toEqual(['olive@acme.example']);
    await expect(h.core.decideAccessRequest({ actor: h.as('paula'), requestId: request!.id, decision: 'decline' })).rejects.toMatchObject({
      code: 'ALREADY_DECIDED',
      details: { decidedBy: 'Pia Partner' },
    });
  });

  it('a decline creates nothing and tells the requester who declined', async () => {
    const h = await setup();
    await h.core.createTemplate({ actor: h.as('olive'), template: templateInput() }).catch(() => undefined);
    const [request] = h.requests();
    const decided = await h.core.decideAccessRequest({ actor: h.as('paula'), requestId: request!.id, decision: 'decline' });
    expect(decided).toMatchObject({ request: { status: 'Declined', decidedBy: { name: 'Paula Partner' } }, outcome: null });
    expect(h.deps.templates.templates.size).toBe(0);
    expect(h.slack.told.map((r) => [r.status, r.decidedBy?.name])).toEqual([['Declined', 'Paula Partner']]);
  });

  it('approving a customer runs the precheck and the creation on Webex then, as the requester', async () => {
    const h = await setup();
    const template = await h.template();
    await expect(h.core.createCustomer({ actor: h.as('olive'), customer: customerInput(template.id) })).rejects.toMatchObject(
      asked('sent', `create customers in ${PARTNER}`),
    );
    expect(h.webex.callsOf('createCustomer')).toEqual([]);
    expect(h.deps.customers.customers.size).toBe(0);
    const [request] = h.requests();
    const decided = await h.core.decideAccessRequest({ actor: h.as('paula'), requestId: request!.id, decision: 'approve' });
    expect(decided.outcome).toMatchObject({ ok: true, result: { kind: 'customer-created', customer: { name: 'Globex Corporation' } } });
    expect(h.webex.callsOf('createCustomer')).toHaveLength(1);
    expect([...h.deps.customers.customers.values()]).toMatchObject([{ name: 'Globex Corporation', createdBy: { name: 'Olive Orderer' } }]);
  });

  it('an approval after the template was removed records why it could not be done', async () => {
    const h = await setup();
    const template = await h.template();
    await h.core.createCustomer({ actor: h.as('olive'), customer: customerInput(template.id) }).catch(() => undefined);
    h.deps.templates.templates.delete(template.id);
    const [request] = h.requests();
    const decided = await h.core.decideAccessRequest({ actor: h.as('paula'), requestId: request!.id, decision: 'approve' });
    expect(decided.outcome).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(h.deps.customers.customers.size).toBe(0);
  });

  it('asks once per action payload: the same template again waits, another template is another request', async () => {
    const h = await setup();
    const ask = (name: string) => h.core.createTemplate({ actor: h.as('olive'), template: templateInput({ name }) }).catch((e) => e);
    expect(await ask('One')).toMatchObject(asked('sent'));
    expect(await ask('One')).toMatchObject(asked('waiting'));
    expect(await ask('Two')).toMatchObject(asked('sent'));
    expect(h.requests().map((r) => r.action)).toMatchObject([
      { kind: 'create-template', template: { name: 'One' } },
      { kind: 'create-template', template: { name: 'Two' } },
    ]);
    expect(h.deps.email.accessRequests).toHaveLength(2);
  });

  it('refuses bad input before asking anyone', async () => {
    const h = await setup();
    const err = await h.core
      .createTemplate({ actor: h.as('olive'), template: templateInput({ packages: ['webex_meetings', 'attendant_console'] }) })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(h.requests()).toEqual([]);
    expect(h.deps.email.notices).toEqual([]);
    expect(h.slack.notices).toEqual([]);
  });

  it('only an Administrator of the domain decides: the requester cannot approve their own request', async () => {
    const h = await setup();
    await h.core.createTemplate({ actor: h.as('olive'), template: templateInput() }).catch(() => undefined);
    const [request] = h.requests();
    for (const actor of [h.as('olive'), h.as('otto')]) {
      await expect(h.core.decideAccessRequest({ actor, requestId: request!.id, decision: 'approve' })).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
        details: { reason: `it was sent to the administrators of ${PARTNER}` },
      });
    }
    expect(h.deps.templates.templates.size).toBe(0);
    expect(h.requests()[0]!.status).toBe('Pending');
  });
});

describe('who is not asked for', () => {
  it('a stranger to the domain gets the old refusal, and no request is made', async () => {
    const h = await setup();
    const nobody: Actor = { channel: 'slack', name: 'Nobody', email: 'nobody@x.example', platformUserId: 'UNOBODY', user: null };
    for (const actor of [h.as('otto'), nobody]) {
      await expect(h.core.createTemplate({ actor, template: templateInput() })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    }
    expect(h.requests()).toEqual([]);
    expect(h.slack.notices).toEqual([]);
    expect(h.deps.email.notices).toEqual([]);
  });

  it('a domain without administrators: the member hears there is nobody to ask', async () => {
    const h = await setup();
    await h.deps.users.upsert({ email: 'paula@acme.example', name: 'Paula Partner', slackUserId: 'UPAULA', teamsUserId: null, roles: [] });
    await h.deps.users.upsert({ email: 'pia@acme.example', name: 'Pia Partner', slackUserId: null, teamsUserId: null, roles: [] });
    await expect(h.core.createTemplate({ actor: h.as('olive'), template: templateInput() })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: `it needs the Administrator role in ${PARTNER}, and ${PARTNER} has no administrator to ask` },
    });
    expect(h.requests()).toEqual([]);
  });

  it('the access-request rate limit applies', async () => {
    const h = await setup();
    const errors = [];
    for (let i = 0; i < 11; i++) {
      errors.push(await h.core.createTemplate({ actor: h.as('olive'), template: templateInput({ name: `T${i}` }) }).catch((e) => e));
    }
    expect(errors.at(-1)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(h.requests()).toHaveLength(10);
  });
});
