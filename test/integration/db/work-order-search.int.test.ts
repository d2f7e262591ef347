import { beforeAll, expect, it } from 'vitest';
import type { OrderSearch, WorkOrder } from '../../../core/index';
import { aSubscriber, aWorkOrder, at, placing } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const D1 = 'acme-partner.example';
const D2 = 'globex-partner.example';

const ann = aSubscriber({
  domain: D1,
  firstName: 'Ann',
  lastName: 'Smith',
  email: 'Ann.Smith@Customer.example',
  phoneNumber: '+1 (408) 555-0100',
  department: 'Finance',
});
const bob = aSubscriber({
  domain: D2,
  firstName: 'Bob',
  lastName: 'Jones',
  email: 'bob.jones@globex.example',
  phoneNumber: '408-555-0199',
  department: 'Sales',
});
const carla = aSubscriber({
  domain: D1,
  firstName: 'Carla',
  lastName: 'Smithers',
  email: 'carla@customer.example',
  phoneNumber: null,
  department: null,
});

const olive = { name: 'Olive Orderer', email: 'olive@acme-partner.example', channel: 'slack' as const };
// Found by "olive" through the email only.
const quinn = { name: 'Quinn Tester', email: 'Quinn@OLIVE-Labs.example', channel: 'teams' as const };

const o1 = aWorkOrder({
  subscriberLogin: ann.login,
  domain: D1,
  author: olive,
  kind: 'Add',
  state: 'Released',
  extendedStatus: 'Waiting for Approval',
  createdAt: at('2030-01-10T09:00:00Z'),
  requestedDeliveryDate: '2030-02-01',
});
const o2 = aWorkOrder({
  subscriberLogin: bob.login,
  domain: D2,
  author: { name: 'Peter Placer', email: null, channel: 'api' },
  kind: 'Change',
  changeKind: 'Settings',
  state: 'Completed',
  extendedStatus: null,
  createdAt: at('2030-01-10T23:59:59.999Z'),
  requestedDeliveryDate: null,
});
const o3 = aWorkOrder({
  subscriberLogin: carla.login,
  domain: D1,
  author: olive,
  kind: 'Cancel',
  state: 'Hold',
  extendedStatus: 'Unrecoverable Error',
  createdAt: at('2030-01-11T00:00:00Z'),
  requestedDeliveryDate: '2030-02-01',
});
const o4 = aWorkOrder({
  subscriberLogin: ann.login,
  domain: D1,
  author: quinn,
  kind: 'Add',
  state: 'Cancelled',
  extendedStatus: null,
  createdAt: at('2030-01-09T12:00:00Z'),
  requestedDeliveryDate: '2030-03-15',
});

const EVERYWHERE: OrderSearch = { domains: null };
const numbers = (orders: WorkOrder[]) => orders.map((o) => o.number);

for (const target of TARGETS) {
  describeOn(target, 'WorkOrderRepository.search', () => {
    const fresh = useFreshDatabase(target);
    const search = async (criteria: Partial<OrderSearch>, limit = 50) =>
      numbers(await fresh.db.workOrders.search({ ...EVERYWHERE, ...criteria }, limit));

    beforeAll(async () => {
      for (const s of [ann, bob, carla]) await fresh.db.subscribers.upsert(s);
      for (const o of [o1, o2, o3, o4]) expect(await fresh.db.workOrders.commit(placing(o))).toBe(true);
    });

    it('lists the orders of the searcher’s domains, newest first, whole', async () => {
      expect(await search({})).toEqual(numbers([o3, o2, o1, o4]));
      expect(await search({ domains: [D1] })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ domains: [] })).toEqual([]);
      expect(await fresh.db.workOrders.search({ domains: [D2] }, 10)).toEqual([o2]);
    });

    it('stops at the limit, keeping the newest', async () => {
      expect(await search({}, 2)).toEqual(numbers([o3, o2]));
    });

    it('narrows to one asked-for domain, never beyond the searcher’s domains', async () => {
      expect(await search({ domain: D2 })).toEqual(numbers([o2]));
      expect(await search({ domain: D2, domains: [D1] })).toEqual([]);
    });

    it('finds an order by its number, typed in any case', async () => {
      expect(await search({ orderNumber: o1.number.toLowerCase() })).toEqual(numbers([o1]));
      expect(await search({ orderNumber: 'WO-NOPE' })).toEqual([]);
    });

    it('finds orders by a piece of the author’s name or email, in any case', async () => {
      expect(await search({ author: 'OLIVE' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ author: 'placer' })).toEqual(numbers([o2]));
      expect(await search({ author: 'olive-labs' })).toEqual(numbers([o4]));
    });

    it('finds orders by state, extended status and kind', async () => {
      expect(await search({ state: 'Hold' })).toEqual(numbers([o3]));
      expect(await search({ extendedStatus: 'Waiting for Approval' })).toEqual(numbers([o1]));
      expect(await search({ kind: 'Add' })).toEqual(numbers([o1, o4]));
      expect(await search({ kind: 'Change' })).toEqual(numbers([o2]));
    });

    it('finds orders by the subscriber’s login and a piece of their first or last name', async () => {
      expect(await search({ subscriberLogin: ann.login })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberName: 'smith' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ subscriberName: 'Ann Smith' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberName: 'JONES' })).toEqual(numbers([o2]));
    });

    it('finds orders by the subscriber’s phone number, whatever its punctuation', async () => {
      expect(await search({ subscriberPhone: '408.555.0100' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberPhone: '555' })).toEqual(numbers([o2, o1, o4]));
      expect(await search({ subscriberPhone: 'no digits' })).toEqual([]);
    });

    it('finds orders by the subscriber’s email and department, in any case', async () => {
      expect(await search({ subscriberEmail: 'CUSTOMER.example' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ subscriberEmail: 'bob.jones@globex.example' })).toEqual(numbers([o2]));
      expect(await search({ department: 'fin' })).toEqual(numbers([o1, o4]));
      expect(await search({ department: 'Marketing' })).toEqual([]);
    });

    it('finds orders by the UTC day they were placed and by requested delivery date', async () => {
      expect(await search({ orderDate: '2030-01-10' })).toEqual(numbers([o2, o1]));
      expect(await search({ orderDate: '2030-01-11' })).toEqual(numbers([o3]));
      expect(await search({ requestedDeliveryDate: '2030-02-01' })).toEqual(numbers([o3, o1]));
      expect(await search({ requestedDeliveryDate: '2030-03-15' })).toEqual(numbers([o4]));
    });

    it('combines criteria: every one must match', async () => {
      expect(await search({ author: 'olive', subscriberName: 'smith', state: 'Released' })).toEqual(numbers([o1]));
      expect(await search({ author: 'olive', subscriberName: 'smith', department: 'finance' })).toEqual(numbers([o1, o4]));
      expect(await search({ author: 'peter', subscriberName: 'smith' })).toEqual([]);
    });
  });
}
