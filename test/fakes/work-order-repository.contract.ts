import { describe, expect, it } from 'vitest';
import type {
  Activity,
  DirectoryUser,
  RoleGrant,
  SubscriberRepository,
  SystemEvent,
  WorkOrder,
  WorkOrderRepository,
} from '../../core/index';
import { aProduct, aSubscriber, aWorkOrder, anActivity, at, placing, unique } from '../integration/db/fixtures';

/**
 * What WorkOrderRepository promises (core/ports/work-order-repository.port.ts), through
 * the port only, so InMemoryWorkOrders and adapters/db run the same suite. The database
 * is shared by the tests of a block: each test uses logins, numbers and domains of its own.
 * Racing clients (one of 20 deciders wins) need separate connections and stay in
 * test/integration/db/work-order.repository.int.test.ts.
 */
export interface WorkOrdersUnderTest {
  workOrders: WorkOrderRepository;
  /** The subscribers the orders are placed for, in the same store. */
  subscribers: SubscriberRepository;
  /** The system events stored with this order's steps, as raised (without a stored id). */
  eventsOf(orderNumber: string): Promise<SystemEvent[]>;
}

const decided = (a: Activity, name: string, status: 'Done' | 'Rejected' = 'Done'): Activity => ({
  ...a,
  status,
  decidedBy: { name, email: null, channel: 'slack' },
  decidedAt: at('2030-01-11T10:00:00.250Z'),
  note: `${status} by ${name}`,
  version: a.version + 1,
});

const person = (email: string, roles: RoleGrant[]): DirectoryUser => ({
  id: email,
  email,
  name: email,
  slackUserId: null,
  teamsUserId: null,
  roles,
});
const minute = (m: number) => at(`2030-01-10T09:${String(m).padStart(2, '0')}:00Z`);

export function describeWorkOrderRepository(name: string, make: () => Promise<WorkOrdersUnderTest>) {
  /** A stored subscriber and a placed order (in a domain of its own unless told) with one open approval. */
  async function placed(s: WorkOrdersUnderTest, order: Partial<WorkOrder> = {}, activity: Partial<Activity> = {}) {
    const domain = order.domain ?? `d-${unique()}.example`;
    const subscriber = await s.subscribers.upsert(aSubscriber({ domain }));
    const o = aWorkOrder({ subscriberLogin: subscriber.login, domain, ...order });
    const a = anActivity(o.number, { domain, ...activity });
    expect(await s.workOrders.commit(placing(o, a))).toBe(true);
    return { subscriber, order: o, activity: a };
  }

  describe(`${name}: commit and reads`, () => {
    it('numbers orders WO-000001, WO-000002, ... in the order they are drawn', async () => {
      const { workOrders } = await make();
      const first = await workOrders.nextOrderNumber();
      expect(first).toMatch(/^WO-\d{6}$/);
      expect(Number((await workOrders.nextOrderNumber()).slice(3))).toBe(Number(first.slice(3)) + 1);
    });

    it('reads back a committed order and its activities exactly as written; unknown ones are null or empty', async () => {
      const s = await make();
      const { order, activity } = await placed(s, { failure: { productType: 'Phone', kind: 'recoverable', message: 'CUCM timeout' } });
      expect(await s.workOrders.findByNumber(order.number)).toEqual(order);
      expect(await s.workOrders.listActivities(order.number)).toEqual([activity]);
      expect(await s.workOrders.findActivity(activity.id)).toEqual(activity);
      expect(await s.workOrders.findByNumber('WO-999999')).toBeNull();
      expect(await s.workOrders.findActivity('no-such-activity')).toBeNull();
      expect(await s.workOrders.listActivities('WO-999999')).toEqual([]);
    });

    it('lists an order’s activities oldest first, keeping user assignees, acceptance and decisions', async () => {
      const s = await make();
      const { order, activity } = await placed(s, {}, { createdAt: minute(0) });
      const accepted = anActivity(order.number, {
        domain: order.domain,
        kind: 'Assignment',
        assignee: { kind: 'user', email: 'Sam.Shipper@Acme-Partner.example' },
        status: 'Accepted',
        acceptedBy: { name: 'Sam Shipper', email: 'sam.shipper@acme-partner.example' },
        macAddress: '00AABBCCDDEE',
        createdAt: minute(30),
      });
      const earlier = anActivity(order.number, { domain: order.domain, kind: 'Shipping', createdAt: at('2030-01-10T08:00:00Z') });
      const next = { ...order, extendedStatus: 'Waiting for Assignment' as const, version: 2 };
      const added = [accepted, earlier].map((a) => ({ expectedVersion: null, next: a }));
      expect(await s.workOrders.commit({ order: { expectedVersion: 1, next }, activities: added })).toBe(true);
      expect(await s.workOrders.findActivity(accepted.id)).toEqual(accepted);
      expect(await s.workOrders.listActivities(order.number)).toEqual([earlier, activity, accepted]);
    });

    it('writes a decision and the order change it causes together', async () => {
      const s = await make();
      const { order, activity } = await placed(s);
      const next: WorkOrder = { ...order, state: 'Cancelled', extendedStatus: null, updatedAt: at('2030-01-11T10:00:00Z'), version: 2 };
      const step = {
        order: { expectedVersion: 1, next },
        activities: [{ expectedVersion: 1, next: decided(activity, 'Ada', 'Rejected') }],
      };
      expect(await s.workOrders.commit(step)).toBe(true);
      expect(await s.workOrders.findByNumber(order.number)).toEqual(next);
      expect(await s.workOrders.findActivity(activity.id)).toEqual(decided(activity, 'Ada', 'Rejected'));
    });

    it('the first decision wins: a step from a version that moved on returns false and writes nothing', async () => {
      const s = await make();
      const { order, activity } = await placed(s);
      const step = (who: string, state: WorkOrder['state']) => ({
        order: { expectedVersion: 1, next: { ...order, state, version: 2 } },
        activities: [{ expectedVersion: 1, next: decided(activity, who) }],
      });
      expect(await s.workOrders.commit(step('Ada', 'Completed'))).toBe(true);
      expect(await s.workOrders.commit(step('Bob', 'Hold'))).toBe(false);
      expect(await s.workOrders.findByNumber(order.number)).toMatchObject({ state: 'Completed', version: 2 });
      expect((await s.workOrders.findActivity(activity.id))?.decidedBy?.name).toBe('Ada');
    });

    it('writes nothing, products and events included, when one activity version is stale', async () => {
      const s = await make();
      const { subscriber, order, activity } = await placed(s);
      const other = anActivity(order.number, { domain: order.domain, kind: 'Shipping', assignee: { kind: 'group', role: 'Shipping' } });
      const added = { order: { expectedVersion: 1, next: { ...order, version: 2 } }, activities: [{ expectedVersion: null, next: other }] };
      expect(await s.workOrders.commit(added)).toBe(true);
      const product = aProduct(subscriber.login);
      const stale = {
        order: { expectedVersion: 2, next: { ...order, state: 'Hold' as const, version: 3 } },
        // The first activity is current; the second is not at version 7.
        activities: [
          { expectedVersion: 1, next: decided(activity, 'Ada') },
          { expectedVersion: 7, next: decided(other, 'Ada') },
        ],
        products: { put: [product], remove: [] },
        events: [failureOf(order)],
      };
      expect(await s.workOrders.commit(stale)).toBe(false);
      expect(await s.workOrders.findByNumber(order.number)).toMatchObject({ state: 'Released', version: 2 });
      expect(await s.workOrders.findActivity(activity.id)).toEqual(activity);
      expect(await s.workOrders.findActivity(other.id)).toEqual(other);
      expect(await s.subscribers.findProduct(product.id)).toBeNull();
      expect(await s.eventsOf(order.number)).toEqual([]);
    });

    it('refuses to insert an order or activity that already exists (expected version null), writing nothing', async () => {
      const s = await make();
      const { order, activity } = await placed(s);
      expect(await s.workOrders.commit(placing({ ...order, state: 'Hold' }))).toBe(false);
      const newcomer = anActivity(order.number, { domain: order.domain });
      const activities = [newcomer, activity].map((next) => ({ expectedVersion: null, next }));
      expect(await s.workOrders.commit({ order: { expectedVersion: 1, next: { ...order, version: 2 } }, activities })).toBe(false);
      expect(await s.workOrders.findByNumber(order.number)).toEqual(order);
      expect(await s.workOrders.findActivity(newcomer.id)).toBeNull();
    });

    it('stores a step’s products and failure events with it; a later put keeps notes added since, and removes', async () => {
      const s = await make();
      const { subscriber, order, activity } = await placed(s);
      const phone = aProduct(subscriber.login, {
        openOrderNumber: order.number,
        notes: [{ text: 'desk 4', author: 'Olive', at: at('2030-01-11T09:00:00Z') }],
      });
      const line = aProduct(subscriber.login, { type: 'Line', parentId: phone.id, attributes: { directoryNumber: '4001' } });
      const event = failureOf(order);
      const next = { ...order, extendedStatus: 'Unrecoverable Error' as const, failure: event.detail as WorkOrder['failure'], version: 2 };
      // The line first: a change may list a child before its parent.
      const step = { products: { put: [line, phone], remove: [] }, events: [event] };
      const activities = [{ expectedVersion: 1, next: decided(activity, 'Ada') }];
      expect(await s.workOrders.commit({ order: { expectedVersion: 1, next }, activities, ...step })).toBe(true);
      expect(await s.subscribers.listProducts(subscriber.login)).toEqual([line, phone]);
      expect(await s.eventsOf(order.number)).toEqual([event]);

      // "notes are only appended (addNote), so a step built from an older read cannot drop one" (adapters/db/work-order-commit.ts)
      const note = { text: 'moved to desk 5', author: 'Olive', at: at('2030-01-12T09:00:00Z') };
      await s.subscribers.addNote(phone.id, note);
      const done = { ...next, state: 'Completed' as const, extendedStatus: null, failure: null, version: 3 };
      const put = [{ ...phone, openOrderNumber: null, notes: [] }];
      const completing = { order: { expectedVersion: 2, next: done }, activities: [], products: { put, remove: [line.id] } };
      expect(await s.workOrders.commit(completing)).toBe(true);
      expect(await s.subscribers.listProducts(subscriber.login)).toEqual([
        { ...phone, openOrderNumber: null, notes: [...phone.notes, note] },
      ]);
    });

    it('marks a product with its order only while no order runs against it (expectUnmarked)', async () => {
      const s = await make();
      const subscriber = await s.subscribers.upsert(aSubscriber());
      const phone = aProduct(subscriber.login);
      const base = aWorkOrder({ subscriberLogin: subscriber.login, state: 'Completed', extendedStatus: null });
      expect(await s.workOrders.commit({ ...placing(base), products: { put: [phone], remove: [] } })).toBe(true);
      const [first, second] = [1, 2].map(() => aWorkOrder({ subscriberLogin: subscriber.login, kind: 'Cancel' })) as [WorkOrder, WorkOrder];
      const marking = (o: WorkOrder) => ({
        ...placing(o),
        products: { put: [{ ...phone, openOrderNumber: o.number }], remove: [], expectUnmarked: [phone.id] },
      });
      expect(await s.workOrders.commit(marking(first))).toBe(true);
      expect(await s.workOrders.commit(marking(second))).toBe(false);
      expect((await s.subscribers.findProduct(phone.id))?.openOrderNumber).toBe(first.number);
      expect(await s.workOrders.findByNumber(second.number)).toBeNull();
    });

    it('lists the chat copies of an activity in the order they were posted', async () => {
      const s = await make();
      const { activity: a } = await placed(s);
      const { activity: b } = await placed(s);
      await s.workOrders.addPostedMessage(a.id, { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' });
      await s.workOrders.addPostedMessage(b.id, { platform: 'slack', address: '{"channel":"D9","ts":"9.9"}' });
      await s.workOrders.addPostedMessage(a.id, { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' });
      expect(await s.workOrders.listPostedMessages(a.id)).toEqual([
        { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' },
        { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' },
      ]);
      expect(await s.workOrders.listPostedMessages('no-such-activity')).toEqual([]);
    });
  });

  describe(`${name}: listActivitiesFor`, () => {
    /** Two orders in two new domains with live and finished activities, minutes apart. */
    async function twoDomains(s: WorkOrdersUnderTest) {
      const [d1, d2] = [`a-${unique()}.example`, `b-${unique()}.example`];
      const { order: w1, activity: approvalD1 } = await placed(s, { domain: d1 }, { createdAt: minute(1) });
      const { order: w2, activity: approvalD2 } = await placed(s, { domain: d2 }, { createdAt: minute(3) });
      const sam = `sam-${unique()}@${d1}`;
      const act = (o: WorkOrder, m: number, a: Partial<Activity>) => anActivity(o.number, { domain: o.domain, createdAt: minute(m), ...a });
      const samsAssignment = act(w1, 2, { kind: 'Assignment', assignee: { kind: 'user', email: sam.toUpperCase() }, status: 'Accepted' });
      const shippingD1 = act(w1, 4, { kind: 'Shipping', assignee: { kind: 'group', role: 'Shipping' } });
      const finished = [
        act(w1, 0, { assignee: { kind: 'group', role: 'Approval' }, status: 'Done' }),
        act(w1, 5, { assignee: { kind: 'user', email: sam }, status: 'Rejected' }),
        act(w2, 6, { kind: 'Receiving', assignee: { kind: 'group', role: 'Receiving' }, status: 'Withdrawn' }),
      ];
      const added = [samsAssignment, shippingD1, ...finished].map((next) => ({ expectedVersion: null, next }));
      expect(await s.workOrders.commit({ order: { expectedVersion: 1, next: { ...w1, version: 2 } }, activities: added })).toBe(true);
      return { d1, d2, sam, approvalD1, approvalD2, samsAssignment, shippingD1 };
    }
    const idsFor = async (s: WorkOrdersUnderTest, user: DirectoryUser, limit = 50) =>
      (await s.workOrders.listActivitiesFor(user, limit)).map((a) => a.id);

    it('lists the open and accepted activities assigned to the user’s email, in any case', async () => {
      const s = await make();
      const { sam, samsAssignment } = await twoDomains(s);
      expect(await idsFor(s, person(sam, []))).toEqual([samsAssignment.id]);
    });

    it('adds the group activities of each role the user holds in the activity’s domain, oldest first', async () => {
      const s = await make();
      const w = await twoDomains(s);
      expect(await idsFor(s, person(`ada@${w.d1}`, [{ role: 'Approval', domain: w.d1 }]))).toEqual([w.approvalD1.id]);
      expect(await idsFor(s, person(w.sam, [{ role: 'Shipping', domain: w.d1 }]))).toEqual([w.samsAssignment.id, w.shippingD1.id]);
      const gil = person(`gil@${w.d2}`, [
        { role: 'Approval', domain: w.d2 },
        { role: 'Receiving', domain: w.d2 },
      ]);
      expect(await idsFor(s, gil)).toEqual([w.approvalD2.id]);
      expect(await idsFor(s, person(`ada@${w.d1}`, [{ role: 'Approval', domain: 'initech.example' }]))).toEqual([]);
    });

    it('a grant on * reaches the role’s activities in every domain, up to the limit', async () => {
      const s = await make();
      const w = await twoDomains(s);
      const root = person(`root-${unique()}@example.com`, [{ role: 'Approval', domain: '*' }]);
      const mine = (ids: string[]) => ids.filter((id) => id === w.approvalD1.id || id === w.approvalD2.id);
      // Other tests' approvals share a database: only the order of these two is this test's to check.
      expect(mine(await idsFor(s, root, 10_000))).toEqual([w.approvalD1.id, w.approvalD2.id]);
      expect(await idsFor(s, root, 1)).toHaveLength(1);
    });

    it('follows an activity delegated from a group to a user', async () => {
      const s = await make();
      const { order, activity } = await placed(s);
      const gil = person(`gil@${order.domain}`, [{ role: 'Approval', domain: order.domain }]);
      const ada = `ada-${unique()}@${order.domain}`;
      expect(await idsFor(s, gil)).toEqual([activity.id]);
      const delegated = { ...activity, assignee: { kind: 'user' as const, email: ada.toUpperCase() }, version: 2 };
      expect(
        await s.workOrders.commit({ order: { expectedVersion: 1, next: order }, activities: [{ expectedVersion: 1, next: delegated }] }),
      ).toBe(true);
      expect(await idsFor(s, gil)).toEqual([]);
      expect(await idsFor(s, person(ada, []))).toEqual([activity.id]);
      expect(await s.workOrders.findActivity(activity.id)).toEqual(delegated);
    });
  });
}

const failureOf = (order: WorkOrder): SystemEvent => ({
  type: 'order-failure',
  domain: order.domain,
  orderNumber: order.number,
  occurredAt: at('2030-01-11T10:00:00Z'),
  detail: { productType: 'Line', kind: 'unrecoverable', message: 'directory number 4000 is taken' },
});
