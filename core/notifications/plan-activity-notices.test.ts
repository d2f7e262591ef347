import { describe, expect, it } from 'vitest';
import { DOMAIN, workflowHarness } from '../../test/fakes/core-harness';
import { changeDomainGroups } from '../../test/fakes/notification-settings-builders';
import { targetKey } from './delivery';

/** With the outbox left alone: what placing an order that waits for approval wrote to it. */
async function approvalOpened(groups: Parameters<typeof changeDomainGroups>[2] = {}) {
  const h = await workflowHarness({}, { autoDispatch: false });
  await changeDomainGroups(h.deps.notificationSettings, DOMAIN, groups);
  const placed = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin: 'chat',
    subscriberLogin: 'jdoe',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: { phoneType: '7945' } },
  });
  const approval = placed.activities[0]!;
  const deliveries = h.deps.outbox.deliveries.filter((d) => d.content.kind === 'activity' && d.content.activityId === approval.id);
  return { ...h, approval, deliveries, destinations: deliveries.map((d) => targetKey(d.target)).sort() };
}

const APPROVERS = [
  'email:april@acme.example',
  'email:arthur@acme.example',
  'slack:user:UAPRIL',
  'slack:user:UARTHUR',
  'teams:user:aad-april',
];

describe('planOpenedActivity: who hears of an Approval', () => {
  it('each approver, in a direct chat on each platform where they have an id and by an email that may act as them, all due at once', async () => {
    const { deps, deliveries, destinations } = await approvalOpened();
    expect(destinations).toEqual(APPROVERS);
    expect(deliveries.filter((d) => d.target.channel === 'email').map((d) => d.target)).toEqual([
      { channel: 'email', address: 'april@acme.example', asUser: true, domain: DOMAIN },
      { channel: 'email', address: 'arthur@acme.example', asUser: true, domain: DOMAIN },
    ]);
    expect(deliveries.every((d) => d.dueAt.getTime() === deps.clock.now().getTime() && d.state === 'pending')).toBe(true);
    expect(deps.outbox.digests).toEqual([]);
    expect(deps.outbox.escalations).toEqual([]);
  });

  it("the Approval group's external addresses (by email, without links) and its registered channels are added", async () => {
    const { deliveries, destinations } = await approvalOpened({
      Approval: {
        externalEmails: ['approvals@partner.example'],
        chatDestinations: [
          { platform: 'slack', address: 'C0APPROVALS', label: '#approvals' },
          { platform: 'teams', address: '{"conversation":{"id":"19:approvals@thread.tacv2"}}', label: 'Provisioning / Approvals' },
        ],
      },
    });
    const channel = (platform: 'slack' | 'teams', address: string) =>
      targetKey({ channel: 'chat', platform, to: { kind: 'conversation', address, label: '' } });
    const channels = [channel('slack', 'C0APPROVALS'), channel('teams', '{"conversation":{"id":"19:approvals@thread.tacv2"}}')];
    expect(destinations).toEqual([...APPROVERS, 'email:approvals@partner.example', ...channels].sort());
    expect(deliveries.find((d) => targetKey(d.target) === 'email:approvals@partner.example')!.target).toMatchObject({ asUser: false });
    expect(deliveries.filter((d) => d.target.channel === 'chat' && d.target.to.kind === 'conversation').map((d) => d.target)).toEqual([
      { channel: 'chat', platform: 'slack', to: { kind: 'conversation', address: 'C0APPROVALS', label: '#approvals' } },
      {
        channel: 'chat',
        platform: 'teams',
        to: { kind: 'conversation', address: '{"conversation":{"id":"19:approvals@thread.tacv2"}}', label: 'Provisioning / Approvals' },
      },
    ]);
  });

  it('a group that did not select the event adds nothing, not even its own addresses', async () => {
    const { destinations } = await approvalOpened({
      Assignment: {
        externalEmails: ['assign@partner.example'],
        chatDestinations: [{ platform: 'slack', address: 'C0ASSIGN', label: '#assign' }],
      },
    });
    expect(destinations).toEqual(APPROVERS);
  });

  it('another group that selected the event adds its role holders and its addresses', async () => {
    const { destinations } = await approvalOpened({
      Shipping: { events: ['Shipping', 'Approval'], externalEmails: ['ship@partner.example'] },
    });
    // Shane holds the Shipping role and is on Teams only.
    expect(destinations).toEqual([...APPROVERS, 'email:ship@partner.example', 'email:shane@acme.example', 'teams:user:aad-shane'].sort());
  });

  it('the approvers are told even when their own group unselected the event ("These users are always notified"); its addresses are not', async () => {
    const { destinations } = await approvalOpened({ Approval: { events: [], externalEmails: ['approvals@partner.example'] } });
    expect(destinations).toEqual(APPROVERS);
  });

  it("a person on a group's address list gets one copy, the one that may act as them", async () => {
    const { deliveries } = await approvalOpened({ Approval: { externalEmails: ['April@acme.example'] } });
    expect(deliveries.filter((d) => targetKey(d.target) === 'email:april@acme.example').map((d) => d.target)).toEqual([
      { channel: 'email', address: 'april@acme.example', asUser: true, domain: DOMAIN },
    ]);
  });

  it('once dispatched, each of them has it: April on Slack and Teams, Arthur on Slack, both by email', async () => {
    const { core, deps, slack, teams, approval } = await approvalOpened();
    await core.dispatchDeliveries();
    expect(slack.posts.map((p) => [p.to, p.activity.id])).toEqual([
      ['UAPRIL', approval.id],
      ['UARTHUR', approval.id],
    ]);
    expect(teams.posts.map((p) => p.to)).toEqual(['aad-april']);
    expect(deps.email.activityEmails.map((e) => e.to[0]).sort()).toEqual(['april@acme.example', 'arthur@acme.example']);
    expect(await deps.workOrders.listPostedMessages(approval.id)).toHaveLength(3);
  });
});
