import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, BOB, orderIntake } from '../../test/fixtures/orders';

async function requested() {
  const h = coreHarness();
  await h.core.intakeOrder(orderIntake());
  const alice = await h.core.registerUser(ALICE);
  const bob = await h.core.registerUser(BOB);
  h.deps.email.provisioningEmails.length = 0;
  await h.core.changeProvisioningContact({ actor: slackActor(bob), orderNumber: 'ORD-1', lines: 'all', email: 'bob.it@customer.example' });
  const [request] = h.deps.accessRequests.requests.values();
  return { ...h, alice, bob, requestId: request!.id };
}

describe('access requests', () => {
  it('approval performs the requested action for the requester, updates every posted copy, and tells the requester', async () => {
    const { core, deps, slack, teams, alice, requestId } = await requested();
    const decided = await core.decideAccessRequest({ actor: slackActor(alice), requestId, decision: 'approve' });

    expect(decided.request).toMatchObject({ status: 'Approved', decidedBy: { name: 'Alice Placer', channel: 'slack' } });
    expect(decided.outcome).toMatchObject({
      ok: true,
      result: { kind: 'contact-changed', changed: [{ lineNumber: 1 }, { lineNumber: 2 }] },
    });
    expect((await core.getOrder('ORD-1')).lines.map((l) => l.provisioningContactEmail)).toEqual([
      'bob.it@customer.example',
      'bob.it@customer.example',
    ]);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ actor: { name: 'Bob Outsider' }, channel: 'slack' });
    expect(slack.updated.map((u) => u.request.status)).toEqual(['Approved']);
    expect(teams.updated.map((u) => u.request.status)).toEqual(['Approved']);
    expect(slack.told.map((r) => r.status)).toEqual(['Approved']);
    expect(deps.email.decisions.map((d) => d.to)).toEqual([BOB.email]);
  });

  it('the first decision wins: a second gets "already decided by" and changes nothing', async () => {
    const { core, alice, requestId, deps } = await requested();
    await core.decideAccessRequest({ actor: slackActor(alice), requestId, decision: 'decline' });
    const orderBefore = await core.getOrder('ORD-1');
    const err = await core
      .decideAccessRequest({ actor: { ...slackActor(alice), channel: 'teams' }, requestId, decision: 'approve' })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'ALREADY_DECIDED', details: { decision: 'Declined', decidedBy: 'Alice Placer' } });
    expect(await core.getOrder('ORD-1')).toEqual(orderBefore);
    expect(deps.email.provisioningEmails).toEqual([]);
  });

  it('only the placer (or an administrator) decides', async () => {
    const { core, bob, requestId, deps } = await requested();
    await expect(core.decideAccessRequest({ actor: slackActor(bob), requestId, decision: 'approve' })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(deps.accessRequests.requests.get(requestId)!.status).toBe('Pending');
  });

  it('an approval after the PONR records why the action could not run', async () => {
    const { core, alice, requestId } = await requested();
    await core.markOrganizationOnboarded('ORD-1', { lines: 'all', organizationId: 'org-1' });
    const decided = await core.decideAccessRequest({ actor: slackActor(alice), requestId, decision: 'approve' });
    expect(decided.outcome).toMatchObject({ ok: false, code: 'PAST_PONR' });
    expect(decided.request.outcome).toMatchObject({ ok: false, code: 'PAST_PONR' });
  });

  it('an unknown request id is named', async () => {
    const { core, alice } = await requested();
    await expect(core.decideAccessRequest({ actor: slackActor(alice), requestId: 'nope', decision: 'approve' })).rejects.toMatchObject({
      code: 'REQUEST_NOT_FOUND',
    });
  });
});
