import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

async function twoOrders() {
  const h = await workflowHarness();
  const phone = { Phone: { phoneType: '7945' } };
  const first = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin: 'chat',
    subscriberLogin: 'jdoe',
    orderable: 'Phone',
    attributes: phone,
  });
  h.deps.clock.set('2026-11-23T11:00:00Z');
  const second = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin: 'chat',
    subscriberLogin: 'rroe',
    orderable: 'Phone',
    attributes: phone,
  });
  return { ...h, first: first.activities[0]!, second: second.activities[0]! };
}

describe('listMyActivities ("My Activities")', () => {
  it('lists the approvals waiting for an approver, oldest first, with what they may do', async () => {
    const { core, as, first, second } = await twoOrders();
    const mine = await core.listMyActivities({ actor: as('april') });
    expect(mine.map((v) => [v.activity.id, v.order.subscriberLogin, v.subscriber?.lastName])).toEqual([
      [first.id, 'jdoe', 'Doe'],
      [second.id, 'rroe', 'Roe'],
    ]);
    expect(mine[0]!.allowed).toEqual(['accept', 'approve', 'reject', 'delegate']);
  });

  it('an accepted activity offers its acceptor approve, reject, decline and delegate; others no longer see it as theirs to act on', async () => {
    const { core, as, first } = await twoOrders();
    await core.actOnActivity({ actor: as('april'), activityId: first.id, action: { kind: 'accept' } });
    expect((await core.listMyActivities({ actor: as('april') }))[0]!.allowed).toEqual(['approve', 'reject', 'decline', 'delegate']);
    expect((await core.listMyActivities({ actor: as('arthur') }))[0]!.allowed).toEqual([]);
  });

  it('is empty for someone with no activity role and for someone the directory does not know', async () => {
    const { core, as } = await twoOrders();
    expect(await core.listMyActivities({ actor: as('sam') })).toEqual([]);
    expect(
      await core.listMyActivities({ actor: { channel: 'teams', name: 'X', email: null, platformUserId: 'aad-x', user: null } }),
    ).toEqual([]);
  });
});

describe('getActivityView', () => {
  it('shows a decided activity with nothing left to do', async () => {
    const { core, as, first } = await twoOrders();
    await core.actOnActivity({ actor: as('april'), activityId: first.id, action: { kind: 'reject' } });
    const view = await core.getActivityView({ actor: as('april'), activityId: first.id });
    expect(view).toMatchObject({ activity: { status: 'Rejected' }, order: { state: 'Cancelled' }, allowed: [] });
  });

  it('lets anyone with a role in the domain look, without actions; refuses others', async () => {
    const { core, as, first } = await twoOrders();
    expect((await core.getActivityView({ actor: as('olive'), activityId: first.id })).allowed).toEqual([]);
    await expect(core.getActivityView({ actor: as('bob'), activityId: first.id })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: 'you hold no role in acme.example' },
    });
    await expect(core.getActivityView({ actor: as('olive'), activityId: 'nope' })).rejects.toMatchObject({ code: 'ACTIVITY_NOT_FOUND' });
  });

  it('names the person it is assigned to from the directory; a group has no name', async () => {
    const { core, as, first } = await twoOrders();
    expect((await core.getActivityView({ actor: as('april'), activityId: first.id })).assigneeName).toBeNull();
    await core.actOnActivity({
      actor: as('april'),
      activityId: first.id,
      action: { kind: 'delegate', to: { kind: 'user', email: 'arthur@acme.example' } },
    });
    const view = await core.getActivityView({ actor: as('arthur'), activityId: first.id });
    expect(view.activity.assignee).toEqual({ kind: 'user', email: 'arthur@acme.example' });
    expect(view.assigneeName).toBe('Arthur Approver');
  });
});
