import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

/** Jane's Enhanced Phone Service, waiting for approval; assignment by the Assignment group (the default rules). */
async function waitingForApproval(rules = {}) {
  const h = await workflowHarness(rules);
  const placed = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin: 'chat',
    subscriberLogin: 'jdoe',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: { phoneType: '7945' } },
  });
  return { ...h, order: placed.order, approval: placed.activities[0]! };
}

describe('actOnActivity', () => {
  it('approval opens the assignment for the Assignment group and updates every posted copy of the approval', async () => {
    const { core, deps, slack, teams, as, order, approval } = await waitingForApproval();
    const acted = await core.actOnActivity({
      actor: as('april'),
      activityId: approval.id,
      action: { kind: 'approve', note: 'fine' },
      expectedOrderVersion: order.version,
    });

    expect(acted.activity).toMatchObject({
      status: 'Done',
      decidedBy: { name: 'April Approver', channel: 'slack' },
      decidedAt: new Date('2026-11-23T10:00:00Z'),
      note: 'fine',
    });
    expect(acted.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment', version: order.version + 1 });
    expect(acted.opened).toEqual([expect.objectContaining({ kind: 'Assignment', assignee: { kind: 'group', role: 'Assignment' } })]);
    expect([...slack.activityUpdates, ...teams.activityUpdates].map((u) => [u.message.platform, u.activity.status])).toEqual([
      ['slack', 'Done'],
      ['slack', 'Done'],
      ['teams', 'Done'],
    ]);
    expect(slack.posts.filter((p) => p.activity.kind === 'Assignment').map((p) => p.to)).toEqual(['USAM']);
    expect(deps.email.activityEmails.at(-1)).toMatchObject({ activity: { kind: 'Assignment' }, to: ['sam@acme.example'] });
  });

  it('the whole way: approve, assign the MAC, provision; the record has the phone by its MAC and Jane is told', async () => {
    const { core, deps, as, approval } = await waitingForApproval();
    const approved = await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } });
    const assignment = approved.opened[0]!;
    await core.actOnActivity({ actor: as('sam'), activityId: assignment.id, action: { kind: 'accept' } });
    const done = await core.actOnActivity({
      actor: as('sam', 'teams'),
      activityId: assignment.id,
      action: { kind: 'complete', macAddress: '00aabbccddee' },
    });

    expect(done.order).toMatchObject({ state: 'Completed', extendedStatus: null });
    expect(done.activity).toMatchObject({ status: 'Done', macAddress: '00AABBCCDDEE', acceptedBy: { name: 'Sam Assigner' } });
    const phone = (await deps.subscribers.listProducts('jdoe')).find((p) => p.type === 'Phone');
    expect(phone?.attributes).toEqual({ phoneType: '7945', macAddress: '00AABBCCDDEE', deviceName: 'SEP00AABBCCDDEE' });
    expect(deps.email.outcomes).toEqual([{ orderNumber: 'WO-000001', to: 'jane.doe@acme.example', outcome: 'provisioned' }]);
  });

  it('reject cancels the order, provisions nothing, and tells Jane', async () => {
    const { core, deps, slack, as, approval } = await waitingForApproval();
    const acted = await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'reject', note: 'no budget' } });
    expect(acted.order).toMatchObject({ state: 'Cancelled', extendedStatus: null });
    expect(acted.activity).toMatchObject({ status: 'Rejected', note: 'no budget' });
    expect(deps.backend.calls).toEqual([]);
    expect(deps.email.outcomes).toEqual([{ orderNumber: 'WO-000001', to: 'jane.doe@acme.example', outcome: 'rejected' }]);
    expect(slack.activityUpdates.map((u) => u.activity.status)).toEqual(['Rejected', 'Rejected']);
  });

  it('the first decision wins: a later one from another channel is told who decided, and changes nothing', async () => {
    const { core, deps, as, approval } = await waitingForApproval();
    await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } });
    const commits = deps.workOrders.commits.length;
    await expect(
      core.actOnActivity({ actor: as('arthur', 'email'), activityId: approval.id, action: { kind: 'reject' } }),
    ).rejects.toMatchObject({
      code: 'ALREADY_DECIDED',
      details: { decision: 'Approved', decidedBy: 'April Approver', decidedAt: new Date('2026-11-23T10:00:00Z') },
    });
    expect(deps.workOrders.commits).toHaveLength(commits);
  });

  it('two decisions at the same moment: exactly one is written, the other hears who won', async () => {
    const { core, deps, as, approval } = await waitingForApproval();
    const results = await Promise.allSettled([
      core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } }),
      core.actOnActivity({ actor: as('arthur'), activityId: approval.id, action: { kind: 'reject' } }),
    ]);
    // Which one wins depends on which commits first; exactly one does, and the other is told who.
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const approved = results[0].status === 'fulfilled';
    const [winner, decision, status] = approved ? ['April Approver', 'Approved', 'Done'] : ['Arthur Approver', 'Rejected', 'Rejected'];
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'ALREADY_DECIDED', details: { decision, decidedBy: winner } });
    expect(await deps.workOrders.findActivity(approval.id)).toMatchObject({ status, decidedBy: { name: winner } });
  });

  it('a click on a card built from an older version of the order is refused as stale', async () => {
    const { core, deps, as, order, approval } = await waitingForApproval();
    await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'accept' } });
    await expect(
      core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' }, expectedOrderVersion: order.version }),
    ).rejects.toMatchObject({
      code: 'STALE',
      details: { orderNumber: 'WO-000001', currentVersion: order.version + 1 },
    });
    expect(await deps.workOrders.findActivity(approval.id)).toMatchObject({ status: 'Accepted' });
  });

  it("tells who decided only those in the activity's role: an outsider clicking a decided or stale card hears only that it is not theirs", async () => {
    const { core, as, order, approval } = await waitingForApproval();
    await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } });
    const click = (who: Parameters<typeof as>[0], expectedOrderVersion?: number) =>
      core
        .actOnActivity({
          actor: as(who),
          activityId: approval.id,
          action: { kind: 'approve' },
          ...(expectedOrderVersion ? { expectedOrderVersion } : {}),
        })
        .catch((e) => e);
    for (const outsider of ['bob', 'sam'] as const) {
      for (const version of [undefined, order.version]) {
        const err = await click(outsider, version);
        expect(err).toMatchObject({
          code: 'NOT_AUTHORIZED',
          details: { action: 'act on this Approval', reason: 'it is not assigned to you' },
        });
        expect(JSON.stringify(err.details)).not.toMatch(/April|WO-0|acme/);
      }
    }
    await expect(click('arthur')).resolves.toMatchObject({ code: 'ALREADY_DECIDED', details: { decidedBy: 'April Approver' } });
  });

  it("needs the activity's role in the order's domain and being its assignee, or an Administrator; a refusal writes nothing", async () => {
    const { core, deps, as, approval } = await waitingForApproval();
    const approve = (who: Parameters<typeof as>[0]) =>
      core.actOnActivity({ actor: as(who), activityId: approval.id, action: { kind: 'approve' } });
    await expect(approve('sam')).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'act on this Approval', reason: 'it is not assigned to you' },
    });
    await expect(approve('bob')).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'accept' } });
    await expect(approve('arthur')).rejects.toMatchObject({ details: { reason: 'April Approver accepted it and is working on it' } });
    const unknown = { channel: 'email' as const, name: 'x@acme.example', email: 'x@acme.example', platformUserId: null, user: null };
    await expect(core.actOnActivity({ actor: unknown, activityId: approval.id, action: { kind: 'approve' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(await deps.workOrders.findActivity(approval.id)).toMatchObject({ status: 'Accepted', version: 2 });
    await expect(approve('ada')).resolves.toMatchObject({ activity: { status: 'Done', decidedBy: { name: 'Ada Admin' } } });
  });

  it('delegate hands it to a person who holds the role, who is told; the old copies show it moved', async () => {
    const { core, slack, as, approval } = await waitingForApproval();
    await expect(
      core.actOnActivity({
        actor: as('april'),
        activityId: approval.id,
        action: { kind: 'delegate', to: { kind: 'user', email: 'sam@acme.example' } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          {
            field: 'delegateTo',
            message:
              'Sam Assigner (sam@acme.example) does not hold the Approval role in acme.example, so could not act on this approval activity.',
          },
        ],
      },
    });
    const acted = await core.actOnActivity({
      actor: as('april'),
      activityId: approval.id,
      action: { kind: 'delegate', to: { kind: 'user', email: 'Arthur@acme.example' } },
    });
    expect(acted.activity).toMatchObject({ status: 'Open', assignee: { kind: 'user', email: 'arthur@acme.example' } });
    expect(acted.opened.map((a) => a.id)).toEqual([approval.id]);
    expect(acted.assigneeName).toBe('Arthur Approver');
    expect(slack.activityUpdates.map((u) => JSON.parse(u.message.address).to)).toEqual(['UAPRIL', 'UARTHUR']);
    expect(slack.posts.map((p) => p.to)).toEqual(['UAPRIL', 'UARTHUR', 'UARTHUR']);
    // The group's copies name no one; Arthur's own names him as the directory does.
    expect(slack.posts.map((p) => p.assigneeName)).toEqual([null, null, 'Arthur Approver']);
    await expect(core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } })).rejects.toMatchObject({
      details: { reason: 'it is assigned to Arthur Approver (arthur@acme.example)' },
    });
    const declined = await core.actOnActivity({ actor: as('arthur'), activityId: approval.id, action: { kind: 'decline', note: 'away' } });
    expect(declined.activity).toMatchObject({ status: 'Open', assignee: { kind: 'group', role: 'Approval' }, note: 'away' });
  });

  it('an activity nobody has is named', async () => {
    const { core, as } = await waitingForApproval();
    await expect(core.actOnActivity({ actor: as('april'), activityId: 'act-nope', action: { kind: 'accept' } })).rejects.toMatchObject({
      code: 'ACTIVITY_NOT_FOUND',
      details: { activityId: 'act-nope' },
    });
  });
  it('a rejection keeps its reason, trimmed; a blank reason is no reason', async () => {
    const a = await waitingForApproval();
    const given = await a.core.actOnActivity({
      actor: a.as('april'),
      activityId: a.approval.id,
      action: { kind: 'reject', note: '  No budget\nthis quarter ' },
    });
    expect(given.activity).toMatchObject({ status: 'Rejected', note: 'No budget\nthis quarter' });
    const b = await waitingForApproval();
    const blank = await b.core.actOnActivity({ actor: b.as('april'), activityId: b.approval.id, action: { kind: 'reject', note: '   ' } });
    expect(blank.activity).toMatchObject({ status: 'Rejected', note: null });
  });

  it('refuses a reason with control characters or over 1,000 characters, and changes nothing', async () => {
    const { core, deps, as, approval } = await waitingForApproval();
    const commits = deps.workOrders.commits.length;
    for (const note of ['no\u001b[31m budget', 'x'.repeat(1001)]) {
      await expect(
        core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'reject', note } }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            { field: 'reason', message: expect.stringMatching(/^Must (not contain control characters|be at most 1000 characters)/) },
          ],
        },
      });
    }
    expect(deps.workOrders.commits.length).toBe(commits);
    expect(await deps.workOrders.findActivity(approval.id)).toMatchObject({ status: 'Open', note: null });
  });
});
