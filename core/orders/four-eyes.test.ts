import { describe, expect, it } from 'vitest';
import { PEOPLE, workflowHarness } from '../../test/fakes/core-harness';
import type { DomainRules } from './model/work-order';

/** April both orders and approves; Arthur approves too unless `arthurApproves` is false. */
async function aprilPlacedAnOrder(o: { arthurApproves?: boolean; rules?: Partial<Omit<DomainRules, 'domain'>> } = {}) {
  const h = await workflowHarness(o.rules ?? {});
  h.users.april = await h.deps.users.upsert({
    ...PEOPLE.april,
    roles: [...PEOPLE.april.roles, { role: 'Ordering', domain: 'acme.example' }],
  });
  if (o.arthurApproves === false) await h.deps.users.upsert({ ...PEOPLE.arthur, roles: [{ role: 'Ordering', domain: 'acme.example' }] });
  const placed = await h.core.placeWorkOrder({
    actor: h.as('april'),
    origin: 'chat',
    subscriberLogin: 'jdoe',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: { phoneType: '7945' } },
  });
  return { ...h, order: placed.order, approval: placed.activities[0]! };
}

describe('four eyes on approvals', () => {
  it('refuses the author while another approver exists, names who can, and changes nothing', async () => {
    const { core, deps, as, approval } = await aprilPlacedAnOrder();
    const commits = deps.workOrders.commits.length;
    await expect(core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: {
        action: `approve order ${approval.orderNumber}`,
        reason: expect.stringMatching(
          /^you placed it, so another approver in acme\.example must approve it \(Arthur Approver\); an Administrator can turn on the domain's "Author may approve own orders" rule \(rules acme\.example set author-approves true\)$/,
        ),
      },
    });
    expect(deps.workOrders.commits.length).toBe(commits);
    expect(await deps.workOrders.findActivity(approval.id)).toMatchObject({ status: 'Open', decidedBy: null });
  });

  it('lets the author reject their own order: four eyes guard approval, not withdrawal', async () => {
    const { core, as, approval } = await aprilPlacedAnOrder();
    const acted = await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'reject' } });
    expect(acted.order.state).toBe('Cancelled');
  });

  it('lets the author approve when nobody else in the domain holds the Approval role', async () => {
    const { core, as, approval } = await aprilPlacedAnOrder({ arthurApproves: false });
    const acted = await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } });
    expect(acted.activity).toMatchObject({ status: 'Done', decidedBy: { name: 'April Approver' } });
  });

  it('lets the author approve when the domain allows it (AllowAuthorToApprove)', async () => {
    const { core, as, approval } = await aprilPlacedAnOrder({ rules: { allowAuthorToApprove: true } });
    const acted = await core.actOnActivity({ actor: as('april'), activityId: approval.id, action: { kind: 'approve' } });
    expect(acted.activity.status).toBe('Done');
  });

  it('lets another approver approve the order as before', async () => {
    const { core, as, approval } = await aprilPlacedAnOrder();
    const acted = await core.actOnActivity({ actor: as('arthur'), activityId: approval.id, action: { kind: 'approve' } });
    expect(acted.activity).toMatchObject({ status: 'Done', decidedBy: { name: 'Arthur Approver' } });
  });

  it('is a rule the administrator sets and reads back', async () => {
    const { core, as } = await workflowHarness();
    expect((await core.getDomainRules({ actor: as('ada'), domain: 'acme.example' })).allowAuthorToApprove).toBe(false);
    await core.setDomainRules({ actor: as('ada'), domain: 'acme.example', changes: { allowAuthorToApprove: true } });
    expect((await core.getDomainRules({ actor: as('ada'), domain: 'acme.example' })).allowAuthorToApprove).toBe(true);
  });
});
