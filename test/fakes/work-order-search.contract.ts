import { describe, expect, it } from 'vitest';
import type { OrderSearch, WorkOrder } from '../../core/index';
import { aSubscriber, aWorkOrder, at, placing, unique } from '../integration/db/fixtures';
import type { WorkOrdersUnderTest } from './work-order-repository.contract';

/**
 * What WorkOrderRepository.search promises ("Searching for an Order": every criterion
 * optional, combined with AND; text criteria case-insensitive substrings; a phone number
 * matched on its digits), through the port only, so InMemoryWorkOrders and adapters/db run
 * the same suite. The database is shared by a block's tests: each test places its four
 * orders in two domains of its own and searches within them.
 */
const numbers = (orders: WorkOrder[]) => orders.map((o) => o.number);

/** Four orders over three subscribers in two fresh domains, created on 9, 10 (twice) and 11 January. */
async function fourOrders(s: WorkOrdersUnderTest) {
  const D1 = `s1-${unique()}.example`;
  const D2 = `s2-${unique()}.example`;
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
  for (const sub of [ann, bob, carla]) await s.subscribers.upsert(sub);
  for (const o of [o1, o2, o3, o4]) expect(await s.workOrders.commit(placing(o))).toBe(true);
  /** Order numbers found among this test's domains (or those given). */
  const search = async (criteria: Partial<OrderSearch>, limit = 50) =>
    numbers(await s.workOrders.search({ domains: [D1, D2], ...criteria }, limit));
  return { D1, D2, ann, o1, o2, o3, o4, search };
}

export function describeWorkOrderSearch(name: string, make: () => Promise<WorkOrdersUnderTest>) {
  describe(`${name}: search`, () => {
    it('lists the orders of the searcher’s domains, newest first, whole', async () => {
      const s = await make();
      const { D1, D2, o1, o2, o3, o4, search } = await fourOrders(s);
      expect(await search({})).toEqual(numbers([o3, o2, o1, o4]));
      expect(await search({ domains: [D1] })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ domains: [] })).toEqual([]);
      expect(await s.workOrders.search({ domains: [D2] }, 10)).toEqual([o2]);
      // null: every domain, other tests' orders among them.
      const everywhere = numbers(await s.workOrders.search({ domains: null }, 100_000));
      expect(everywhere.filter((n) => numbers([o1, o2, o3, o4]).includes(n))).toEqual(numbers([o3, o2, o1, o4]));
    });

    it('stops at the limit, keeping the newest', async () => {
      const { o2, o3, search } = await fourOrders(await make());
      expect(await search({}, 2)).toEqual(numbers([o3, o2]));
    });

    it('narrows to one asked-for domain, never beyond the searcher’s domains', async () => {
      const { D1, D2, o2, search } = await fourOrders(await make());
      expect(await search({ domain: D2 })).toEqual(numbers([o2]));
      expect(await search({ domain: D2, domains: [D1] })).toEqual([]);
    });

    it('finds an order by its number, typed in any case and with spaces around', async () => {
      const { o1, search } = await fourOrders(await make());
      expect(await search({ orderNumber: o1.number.toLowerCase() })).toEqual(numbers([o1]));
      expect(await search({ orderNumber: ` ${o1.number} ` })).toEqual(numbers([o1]));
      expect(await search({ orderNumber: 'WO-NOPE' })).toEqual([]);
    });

    it('finds orders by a piece of the author’s name or email, in any case', async () => {
      const { o1, o2, o3, o4, search } = await fourOrders(await make());
      expect(await search({ author: 'OLIVE' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ author: ' placer ' })).toEqual(numbers([o2]));
      expect(await search({ author: 'olive-labs' })).toEqual(numbers([o4]));
    });

    it('finds orders by state, extended status and kind', async () => {
      const { o1, o2, o3, o4, search } = await fourOrders(await make());
      expect(await search({ state: 'Hold' })).toEqual(numbers([o3]));
      expect(await search({ extendedStatus: 'Waiting for Approval' })).toEqual(numbers([o1]));
      expect(await search({ kind: 'Add' })).toEqual(numbers([o1, o4]));
      expect(await search({ kind: 'Change' })).toEqual(numbers([o2]));
    });

    it('finds orders by the subscriber’s login and a piece of their name, first, last or both', async () => {
      const { ann, o1, o2, o3, o4, search } = await fourOrders(await make());
      expect(await search({ subscriberLogin: ann.login })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberLogin: ` ${ann.login} ` })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberName: 'smith' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ subscriberName: 'Ann Smith' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberName: 'n smi' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberName: 'JONES' })).toEqual(numbers([o2]));
    });

    it('finds orders by the subscriber’s phone number on its digits, whatever the punctuation on either side', async () => {
      const { o1, o2, o4, search } = await fourOrders(await make());
      // Stored as "+1 (408) 555-0100": found by other punctuation, and by digits that span it.
      expect(await search({ subscriberPhone: '408.555.0100' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberPhone: '4085550100' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberPhone: '1408' })).toEqual(numbers([o1, o4]));
      expect(await search({ subscriberPhone: '555' })).toEqual(numbers([o2, o1, o4]));
      expect(await search({ subscriberPhone: 'no digits' })).toEqual([]);
      expect(await search({ subscriberPhone: '(' })).toEqual([]);
    });

    it('finds orders by the subscriber’s email and department, in any case', async () => {
      const { o1, o2, o3, o4, search } = await fourOrders(await make());
      expect(await search({ subscriberEmail: 'CUSTOMER.example' })).toEqual(numbers([o3, o1, o4]));
      expect(await search({ subscriberEmail: 'bob.jones@globex.example' })).toEqual(numbers([o2]));
      expect(await search({ department: 'fin' })).toEqual(numbers([o1, o4]));
      expect(await search({ department: 'Marketing' })).toEqual([]);
    });

    it('finds orders by the UTC day they were placed and by requested delivery date', async () => {
      const { o1, o2, o3, o4, search } = await fourOrders(await make());
      expect(await search({ orderDate: '2030-01-10' })).toEqual(numbers([o2, o1]));
      expect(await search({ orderDate: '2030-01-11' })).toEqual(numbers([o3]));
      expect(await search({ requestedDeliveryDate: '2030-02-01' })).toEqual(numbers([o3, o1]));
      expect(await search({ requestedDeliveryDate: '2030-03-15' })).toEqual(numbers([o4]));
    });

    it('combines criteria: every one must match', async () => {
      const { o1, o4, search } = await fourOrders(await make());
      expect(await search({ author: 'olive', subscriberName: 'smith', state: 'Released' })).toEqual(numbers([o1]));
      expect(await search({ author: 'olive', subscriberName: 'smith', department: 'finance' })).toEqual(numbers([o1, o4]));
      expect(await search({ author: 'peter', subscriberName: 'smith' })).toEqual([]);
    });
  });
}
