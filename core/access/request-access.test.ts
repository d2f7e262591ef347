import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, BOB, OLIVE, orderIntake } from '../../test/fixtures/orders';
import type { Actor } from '../directory/actor';
import type { RateLimits } from '../limits/actor-limits';

const ROOMY: RateLimits = { writes: { max: 1_000, windowMs: 60_000 }, accessRequests: { max: 1_000, windowMs: 3_600_000 } };

async function setup(limits: RateLimits = ROOMY) {
  const h = coreHarness('2026-11-23T10:00:00Z', { limits });
  await h.core.intakeOrder(orderIntake());
  await h.core.registerUser(ALICE);
  const bob = slackActor(await h.core.registerUser(BOB));
  h.deps.email.provisioningEmails.length = 0;
  /** What the placer received, on every channel. */
  const sentToPlacer = () => ({ slack: h.slack.sent.length, teams: h.teams.sent.length, email: h.deps.email.accessRequests.length });
  return { ...h, bob, sentToPlacer };
}

const contact = (actor: Actor, orderNumber = 'ORD-1', lines: [number] | 'all' = [1], email = 'attacker@x.example') => ({
  actor,
  orderNumber,
  lines,
  email,
});

describe('access requests from someone without access', () => {
  it('asks the placer once: a repeat says the request is already waiting and sends nothing', async () => {
    const { core, deps, bob, sentToPlacer } = await setup();
    expect(await core.changeProvisioningContact(contact(bob))).toEqual({ kind: 'access-requested', orderNumber: 'ORD-1', state: 'sent' });
    for (let i = 0; i < 5; i++) {
      expect(await core.changeProvisioningContact(contact(bob, 'ORD-1', 'all', `other${i}@x.example`))).toEqual({
        kind: 'access-requested',
        orderNumber: 'ORD-1',
        state: 'waiting',
      });
    }
    expect(sentToPlacer()).toEqual({ slack: 1, teams: 1, email: 1 });
    expect(deps.accessRequests.requests.size).toBe(1);
  });

  it('keeps one open request per action: a resend is asked for on its own', async () => {
    const { core, bob, sentToPlacer } = await setup();
    await core.changeProvisioningContact(contact(bob));
    expect(await core.resendProvisioningEmail({ actor: bob, orderNumber: 'ORD-1', lines: [1] })).toMatchObject({ state: 'sent' });
    expect(sentToPlacer()).toEqual({ slack: 2, teams: 2, email: 2 });
  });

  it('lets the requester ask again once the placer has decided', async () => {
    const { core, deps, bob, sentToPlacer } = await setup();
    await core.changeProvisioningContact(contact(bob));
    const [request] = deps.accessRequests.requests.values();
    await core.decideAccessRequest({
      actor: slackActor((await deps.users.findByEmail(ALICE.email))!),
      requestId: request!.id,
      decision: 'decline',
    });
    expect(await core.changeProvisioningContact(contact(bob))).toMatchObject({ state: 'sent' });
    expect(sentToPlacer()).toEqual({ slack: 2, teams: 2, email: 2 });
  });

  it('answers an unknown order number as it answers an order one may not see, and sends nothing', async () => {
    const { core, deps, bob, sentToPlacer } = await setup();
    const olive = slackActor(await core.registerUser(OLIVE));
    expect(await core.changeProvisioningContact(contact(bob, 'ORD-404'))).toEqual({
      kind: 'access-requested',
      orderNumber: 'ORD-404',
      state: 'sent',
    });
    // An Ordering user of one domain cannot tell either whether another domain has that order.
    expect(await core.resendProvisioningEmail({ actor: olive, orderNumber: 'ORD-404', lines: 'all' })).toEqual({
      kind: 'access-requested',
      orderNumber: 'ORD-404',
      state: 'sent',
    });
    expect(sentToPlacer()).toEqual({ slack: 0, teams: 0, email: 0 });
    expect(deps.accessRequests.requests.size).toBe(0);
  });

  it('checks permission before the lines: lines the order lacks, or past the PONR, get the same answer and send nothing', async () => {
    const { core, deps, bob, sentToPlacer } = await setup();
    expect(await core.changeProvisioningContact(contact(bob, 'ORD-1', [7]))).toEqual({
      kind: 'access-requested',
      orderNumber: 'ORD-1',
      state: 'sent',
    });
    await core.markOrganizationOnboarded('ORD-1', { lines: 'all', organizationId: 'org-1' });
    expect(await core.resendProvisioningEmail({ actor: bob, orderNumber: 'ORD-1', lines: 'all' })).toEqual({
      kind: 'access-requested',
      orderNumber: 'ORD-1',
      state: 'sent',
    });
    expect(sentToPlacer()).toEqual({ slack: 0, teams: 0, email: 0 });
    expect(deps.accessRequests.requests.size).toBe(0);
  });
});

describe('what someone without access may read', () => {
  it('refuses status and history without naming the placer or the domain, and alike for an unknown order', async () => {
    const { core, bob } = await setup();
    const refusals = await Promise.all(
      ['ORD-1', 'ORD-404'].flatMap((orderNumber) =>
        [core.getOrderStatus({ actor: bob, orderNumber }), core.getOrderHistory({ actor: bob, orderNumber })].map((p) => p.catch((e) => e)),
      ),
    );
    for (const [i, err] of refusals.entries()) {
      const orderNumber = i < 2 ? 'ORD-1' : 'ORD-404';
      expect(err).toMatchObject({
        code: 'NOT_AUTHORIZED',
        details: { action: `see order ${orderNumber}`, reason: 'you have no access to it' },
      });
    }
  });
});
