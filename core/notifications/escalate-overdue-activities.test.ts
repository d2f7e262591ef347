import { describe, expect, it } from 'vitest';
import { DOMAIN, workflowHarness } from '../../test/fakes/core-harness';
import { changeDomainGroups } from '../../test/fakes/notification-settings-builders';

/**
 * "Any other value triggers the system to send out an email to the system
 * administrators after the time specified if no action was taken for the triggering
 * event (for example, order approvals)." Here the Approval group escalates after 60
 * minutes; Ada is the administrator (Slack and email).
 */
async function escalating(minutes = 60) {
  const h = await workflowHarness();
  await changeDomainGroups(h.deps.notificationSettings, DOMAIN, { Approval: { escalationMinutes: minutes } });
  const placed = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin: 'chat',
    subscriberLogin: 'jdoe',
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945' } },
  });
  const approval = placed.activities[0]!;
  /** What Ada was sent about the approval: Slack DMs and emails, with the window it escalated after. */
  const toAda = () => [
    ...h.slack.posts.filter((p) => p.to === 'UADA').map((p) => ['slack', p.activity.id, p.escalatedAfterMinutes]),
    ...h.deps.email.activityEmails
      .filter((e) => e.to[0] === 'ada@provbot.example')
      .map((e) => ['email', e.activity.id, e.escalatedAfterMinutes]),
  ];
  return { ...h, approval, toAda };
}

describe('escalateOverdueActivities', () => {
  it('nothing before the window ends; at 60 minutes the administrators get the activity, in chat and by email, once', async () => {
    const { core, deps, approval, toAda } = await escalating();
    deps.clock.advanceMinutes(59);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 0 });
    expect(toAda()).toEqual([]);

    deps.clock.advanceMinutes(1);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 1 });
    expect(toAda()).toEqual([
      ['slack', approval.id, 60],
      ['email', approval.id, 60],
    ]);
    // With its buttons: the administrator can act on it, as any Administrator may.
    expect(deps.email.activityEmails.find((e) => e.to[0] === 'ada@provbot.example')).toMatchObject({ asUser: true });

    deps.clock.advanceMinutes(60);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 0 });
    expect(toAda()).toHaveLength(2);
  });

  it('a decision before the window ends, from any channel, cancels it', async () => {
    const { core, deps, as, approval, toAda } = await escalating();
    deps.clock.advanceMinutes(10);
    await core.actOnActivity({ actor: as('april', 'teams'), activityId: approval.id, action: { kind: 'approve' } });
    expect(deps.outbox.escalations.filter((e) => e.activityId === approval.id)).toEqual([]);
    deps.clock.advanceMinutes(60);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 0 });
    expect(toAda()).toEqual([]);
  });

  it('a delegation restarts it: the new assignee has the full window', async () => {
    const { core, deps, slack, as, approval, toAda } = await escalating();
    deps.clock.advanceMinutes(30);
    await core.actOnActivity({
      actor: as('april'),
      activityId: approval.id,
      action: { kind: 'delegate', to: { kind: 'user', email: 'arthur@acme.example' } },
    });
    deps.clock.advanceMinutes(30);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 0 });
    deps.clock.advanceMinutes(30);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 1 });
    expect(toAda()).toEqual([
      ['slack', approval.id, 60],
      ['email', approval.id, 60],
    ]);
    expect(slack.posts.find((p) => p.to === 'UADA')!.activity.assignee).toEqual({ kind: 'user', email: 'arthur@acme.example' });
  });

  it('changing the window after the activity opened does not change when it escalates, nor the window it names', async () => {
    const { core, deps, toAda } = await escalating(60);
    deps.clock.advanceMinutes(1);
    await changeDomainGroups(deps.notificationSettings, DOMAIN, { Approval: { escalationMinutes: 15 } });
    deps.clock.advanceMinutes(15);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 0 });
    deps.clock.advanceMinutes(44);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 1 });
    expect(toAda().map(([, , minutes]) => minutes)).toEqual([60, 60]);
  });

  it('an activity with no escalation window never escalates ("<Not set> means no escalations emails will be sent out")', async () => {
    const { core, deps, as, toAda } = await escalating();
    await changeDomainGroups(deps.notificationSettings, DOMAIN, { Approval: { escalationMinutes: null } });
    const later = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    deps.clock.advanceDays(7);
    expect(await core.escalateOverdueActivities()).toEqual({ escalated: 1 });
    expect(toAda().filter(([, id]) => id === later.activities[0]!.id)).toEqual([]);
  });
});
