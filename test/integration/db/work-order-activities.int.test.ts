import { beforeAll, expect, it } from 'vitest';
import type { Activity, DirectoryUser, RoleGrant } from '../../../core/index';
import { aSubscriber, aWorkOrder, anActivity, at, placing, unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const D1 = 'acme-partner.example';
const D2 = 'globex-partner.example';

const person = (email: string, roles: RoleGrant[]): DirectoryUser => ({
  id: email,
  email,
  name: email,
  slackUserId: null,
  teamsUserId: null,
  roles,
});

for (const target of TARGETS) {
  describeOn(target, 'WorkOrderRepository.listActivitiesFor', () => {
    const fresh = useFreshDatabase(target);
    const listFor = async (user: DirectoryUser, limit = 50) => (await fresh.db.workOrders.listActivitiesFor(user, limit)).map((a) => a.id);

    const s1 = aSubscriber({ domain: D1 });
    const s2 = aSubscriber({ domain: D2 });
    const w1 = aWorkOrder({ subscriberLogin: s1.login, domain: D1 });
    const w2 = aWorkOrder({ subscriberLogin: s2.login, domain: D2 });
    const act = (order: string, domain: string, minute: number, overrides: Partial<Activity>) =>
      anActivity(order, { domain, createdAt: at(`2030-01-10T09:${String(minute).padStart(2, '0')}:00Z`), ...overrides });
    const approvalD1 = act(w1.number, D1, 1, { kind: 'Approval', assignee: { kind: 'group', role: 'Approval' } });
    const samsAssignment = act(w1.number, D1, 2, {
      kind: 'Assignment',
      assignee: { kind: 'user', email: 'Sam@Acme-Partner.example' },
      status: 'Accepted',
      acceptedBy: { name: 'Sam', email: 'sam@acme-partner.example' },
    });
    const approvalD2 = act(w2.number, D2, 3, { kind: 'Approval', assignee: { kind: 'group', role: 'Approval' } });
    const shippingD1 = act(w1.number, D1, 4, { kind: 'Shipping', assignee: { kind: 'group', role: 'Shipping' } });
    const doneApproval = act(w1.number, D1, 0, { kind: 'Approval', assignee: { kind: 'group', role: 'Approval' }, status: 'Done' });
    const samsRejected = act(w1.number, D1, 5, {
      kind: 'Approval',
      assignee: { kind: 'user', email: 'sam@acme-partner.example' },
      status: 'Rejected',
    });
    const withdrawn = act(w2.number, D2, 6, { kind: 'Receiving', assignee: { kind: 'group', role: 'Receiving' }, status: 'Withdrawn' });

    beforeAll(async () => {
      for (const s of [s1, s2]) await fresh.db.subscribers.upsert(s);
      expect(await fresh.db.workOrders.commit(placing(w1, approvalD1, samsAssignment, shippingD1, doneApproval, samsRejected))).toBe(true);
      expect(await fresh.db.workOrders.commit(placing(w2, approvalD2, withdrawn))).toBe(true);
    });

    it('lists the open and accepted activities assigned to the user’s email, in any case', async () => {
      expect(await listFor(person('SAM@acme-partner.example', []))).toEqual([samsAssignment.id]);
    });

    it('lists the group activities of each role the user holds in the activity’s domain, oldest first', async () => {
      expect(await listFor(person('ada@acme-partner.example', [{ role: 'Approval', domain: D1 }]))).toEqual([approvalD1.id]);
      expect(
        await listFor(
          person('gil@globex-partner.example', [
            { role: 'Approval', domain: D2 },
            { role: 'Receiving', domain: D2 },
          ]),
        ),
      ).toEqual([approvalD2.id]);
      expect(await listFor(person('sam@acme-partner.example', [{ role: 'Shipping', domain: D1 }]))).toEqual([
        samsAssignment.id,
        shippingD1.id,
      ]);
    });

    it('lists a role’s activities in every domain for a grant on *', async () => {
      expect(await listFor(person('root@example.com', [{ role: 'Approval', domain: '*' }]))).toEqual([approvalD1.id, approvalD2.id]);
      expect(await listFor(person('root@example.com', [{ role: 'Approval', domain: '*' }]), 1)).toEqual([approvalD1.id]);
    });

    it('lists nothing for a role held in another domain or a role with no open activity', async () => {
      expect(
        await listFor(
          person('ada@acme-partner.example', [
            { role: 'Approval', domain: 'initech.example' },
            { role: 'Receiving', domain: D1 },
          ]),
        ),
      ).toEqual([]);
    });

    it('follows an activity delegated from a group to a user', async () => {
      // Its own domain and people: the group activity it places would otherwise show in the other tests' lists.
      const domain = `initrode-${unique()}.example`;
      const s3 = aSubscriber({ domain });
      await fresh.db.subscribers.upsert(s3);
      const w3 = aWorkOrder({ subscriberLogin: s3.login, domain });
      const approval = act(w3.number, domain, 30, { kind: 'Approval', assignee: { kind: 'group', role: 'Approval' } });
      expect(await fresh.db.workOrders.commit(placing(w3, approval))).toBe(true);
      const gil = person(`gil@${domain}`, [{ role: 'Approval', domain }]);
      const ada = `ada-${unique()}@${domain}`;
      expect(await listFor(gil)).toEqual([approval.id]);

      const delegated = { ...approval, assignee: { kind: 'user' as const, email: ada.toUpperCase() }, version: 2 };
      expect(
        await fresh.db.workOrders.commit({
          order: { expectedVersion: 1, next: w3 },
          activities: [{ expectedVersion: 1, next: delegated }],
        }),
      ).toBe(true);
      expect(await listFor(gil)).toEqual([]);
      expect(await listFor(person(ada, []))).toEqual([approval.id]);
      expect(await fresh.db.workOrders.findActivity(approval.id)).toEqual(delegated);
    });
  });
}
