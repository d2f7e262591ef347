import { expect, it } from 'vitest';
import type { NewAccessRequest, OutboxWrites } from '../../../core/index';
import { at, uniqueOrderNumber } from './fixtures';
import { aDelivery, deliveries, emailTo } from './outbox-fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const newRequest = (overrides: Partial<NewAccessRequest> = {}): NewAccessRequest => ({
  orderNumber: uniqueOrderNumber(),
  domain: 'acme-partner.example',
  action: { kind: 'contact', lines: [1, 3], email: 'new@customer.example' },
  requester: { name: 'Bob Colleague', email: 'bob@acme-partner.example', channel: 'slack', platformUserId: 'UBOB' },
  approver: { email: 'alice@acme-partner.example', name: 'Alice Placer' },
  createdAt: at('2030-01-16T09:00:00.250Z'),
  ...overrides,
});

const none = (): OutboxWrites => deliveries();
/** A notice about the request, keyed by its id, as the core plans one. */
const noticeOf = (id: string, what = 'access'): OutboxWrites =>
  deliveries(
    aDelivery({
      key: `${what}:${id}:email`,
      target: emailTo('alice@acme-partner.example'),
      content: { kind: 'access-request', requestId: id },
    }),
  );

for (const target of TARGETS) {
  // What one client sees is the contract's (test/fakes/access-request-repository.contract.ts); here, racing clients.
  describeOn(target, 'AccessRequestRepository', () => {
    const fresh = useFreshDatabase(target);
    const requests = () => fresh.db.accessRequests;
    const raw = useRawTables(() => fresh.url);
    /** The delivery keys written for one request: other tests' notices share the table, in any order. */
    const keysOf = async (id: string) =>
      (await raw.rows<{ key: string }>('SELECT key FROM deliveries ORDER BY key')).map((r) => r.key).filter((k) => k.includes(`:${id}:`));
    const create = async (input: NewAccessRequest) => {
      const opened = await requests().open(input, none);
      expect(opened.created).toBe(true);
      return opened.request;
    };
    it('lets exactly one of 20 concurrent deciders win, from separate clients', async () => {
      const { id } = await create(newRequest());
      const results = await withClients(fresh.url, 20, (dbs) =>
        Promise.all(
          dbs.map((db, i) =>
            db.accessRequests.decide(
              id,
              i % 2 ? 'Declined' : 'Approved',
              { name: `decider ${i}`, email: null, channel: 'slack' },
              at('2030-01-16T10:00:00Z'),
              noticeOf(id, `decided-by-${i}`),
            ),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      // Only the winner's notices are written: a refused decision writes nothing.
      expect(await keysOf(id)).toEqual([`decided-by-${winner}:${id}:email`]);
      expect(await requests().findById(id)).toMatchObject({
        status: winner % 2 ? 'Declined' : 'Approved',
        decidedBy: { name: `decider ${winner}`, email: null, channel: 'slack' },
      });
    });

    it('makes exactly one request of 30 parallel ones with the same key, from separate clients', async () => {
      const input = newRequest();
      const opened = await withClients(fresh.url, 30, (dbs) => Promise.all(dbs.map((db) => db.accessRequests.open(input, none))));
      expect(opened.filter((o) => o.created)).toHaveLength(1);
      expect(new Set(opened.map((o) => o.request.id)).size).toBe(1);
      expect(await raw.rows(`SELECT id FROM access_requests WHERE "orderNumber" = '${input.orderNumber}'`)).toHaveLength(1);
    });
  });
}
