import { expect, it } from 'vitest';
import type { AccessRequest, ActionOutcome, NewAccessRequest, OutboxWrites } from '../../../core/index';
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

const pending = { status: 'Pending', decidedBy: null, decidedAt: null, outcome: null };
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
    it('creates a Pending request and finds it by id, its action intact', async () => {
      const input = newRequest();
      const created = await create(input);
      expect(created).toEqual({ ...input, ...pending, id: expect.any(String) });
      expect(await requests().findById(created.id)).toEqual(created);
      const other = await create(
        newRequest({
          action: { kind: 'resend', lines: 'all' },
          requester: { name: 'Eve', email: null, channel: 'email', platformUserId: null },
        }),
      );
      expect(other.id).not.toBe(created.id);
      expect(await requests().findById(other.id)).toMatchObject({
        action: { kind: 'resend', lines: 'all' },
        requester: { email: null, platformUserId: null },
      });
    });

    it('finds nothing for an unknown id', async () => {
      expect(await requests().findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('records the first decision and refuses later ones', async () => {
      const { id } = await create(newRequest());
      const alice = { name: 'Alice Placer', email: 'alice@acme-partner.example', channel: 'teams' as const };
      expect(await requests().decide(id, 'Approved', alice, at('2030-01-16T10:00:00Z'), none())).toBe(true);
      expect(
        await requests().decide(id, 'Declined', { name: 'Ada', email: null, channel: 'email' }, at('2030-01-16T11:00:00Z'), none()),
      ).toBe(false);
      expect(await requests().findById(id)).toMatchObject({ status: 'Approved', decidedBy: alice, decidedAt: at('2030-01-16T10:00:00Z') });
    });

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

    it('does not decide an unknown request', async () => {
      expect(
        await requests().decide(
          '00000000-0000-4000-8000-000000000000',
          'Approved',
          { name: 'A', email: null, channel: 'slack' },
          at('2030-01-16T10:00:00Z'),
          none(),
        ),
      ).toBe(false);
    });

    it('keeps the outcome, dates included', async () => {
      const ok = await create(newRequest());
      const done: ActionOutcome = {
        ok: true,
        result: {
          kind: 'resent',
          orderNumber: ok.orderNumber ?? '',
          attempts: [{ lineNumber: 1, to: 'it@customer.example', status: 'Sent', error: null }],
          skipped: [{ lineNumber: 3, reason: 'past-ponr' }],
          senderAddress: 'provbot@example.com',
        },
      };
      await requests().setOutcome(ok.id, done, noticeOf(ok.id, 'told'));
      expect(await keysOf(ok.id)).toEqual([`told:${ok.id}:email`]);
      expect((await requests().findById(ok.id))?.outcome).toEqual(done);

      const refused = await create(newRequest());
      const failure: ActionOutcome = {
        ok: false,
        code: 'ALREADY_DECIDED',
        details: { decision: 'Declined', decidedBy: 'Ada', decidedAt: at('2030-01-16T10:00:00.5Z') },
      };
      await requests().setOutcome(refused.id, failure, none());
      const read = (await requests().findById(refused.id))?.outcome;
      expect(read).toEqual(failure);
      expect(read && !read.ok && 'details' in read && (read.details as { decidedAt: unknown }).decidedAt).toBeInstanceOf(Date);
    });

    it('keeps one open request per requester, order and action kind: a repeat gets the waiting one, changing nothing', async () => {
      const first = await create(newRequest());
      const again = await requests().open(
        {
          ...newRequest({ orderNumber: first.orderNumber }),
          action: { kind: 'contact', lines: 'all', email: 'other@customer.example' },
          createdAt: at('2030-01-16T09:05:00Z'),
        },
        none,
      );
      expect(again).toEqual({ request: first, created: false });
      expect(await requests().findById(first.id)).toEqual(first);
      // Another action kind, another requester (the same email in other case is the same one), another order: each its own.
      const resend = await requests().open(newRequest({ orderNumber: first.orderNumber, action: { kind: 'resend', lines: 'all' } }), none);
      expect(resend.created).toBe(true);
      const sameBob = await requests().open(
        newRequest({
          orderNumber: first.orderNumber,
          requester: { ...first.requester, email: 'BOB@acme-partner.example', channel: 'teams' },
        }),
        none,
      );
      expect(sameBob).toMatchObject({ created: false, request: { id: first.id } });
      const eve = await requests().open(
        newRequest({
          orderNumber: first.orderNumber,
          requester: { name: 'Eve', email: 'eve@x.example', channel: 'slack', platformUserId: 'UEVE' },
        }),
        none,
      );
      expect(eve.created).toBe(true);
    });

    it('lets the requester ask again once the open request is decided', async () => {
      const first = await create(newRequest());
      await requests().decide(
        first.id,
        'Declined',
        { name: 'Alice Placer', email: null, channel: 'slack' },
        at('2030-01-16T10:00:00Z'),
        none(),
      );
      const again = await requests().open(newRequest({ orderNumber: first.orderNumber }), none);
      expect(again.created).toBe(true);
      expect(again.request.id).not.toBe(first.id);
      expect(await requests().findById(first.id)).toMatchObject({ status: 'Declined' });
    });

    it('makes exactly one request of 30 parallel ones with the same key, from separate clients', async () => {
      const input = newRequest();
      const opened = await withClients(fresh.url, 30, (dbs) => Promise.all(dbs.map((db) => db.accessRequests.open(input, none))));
      expect(opened.filter((o) => o.created)).toHaveLength(1);
      expect(new Set(opened.map((o) => o.request.id)).size).toBe(1);
      expect(await raw.rows(`SELECT id FROM access_requests WHERE "orderNumber" = '${input.orderNumber}'`)).toHaveLength(1);
    });

    it('lists the copies of a request the outbox stored as posted, in the order they were posted', async () => {
      const a = await create(newRequest());
      const b = await create(newRequest());
      await raw.clearOutbox();
      const post = async (request: AccessRequest, address: string, platform: 'slack' | 'teams' = 'slack') => {
        await fresh.db.outbox.write(deliveries(aDelivery({ key: `post:${address}`, dueAt: at('2030-01-16T09:00:00Z') })));
        const [claimed] = await fresh.db.outbox.claimDue({ now: at('2030-01-16T09:00:01Z'), limit: 1, leaseMs: 60_000 });
        expect(
          await fresh.db.outbox.markSent(claimed!, {
            at: at('2030-01-16T09:00:01Z'),
            posted: { accessRequestId: request.id, message: { platform, address } },
          }),
        ).toBe(true);
      };
      await post(a, '{"channel":"D1","ts":"1.2"}');
      await post(b, '{"channel":"D9","ts":"9.9"}');
      await post(a, '{"conversation":{"id":"a:1"},"activityId":"x"}', 'teams');
      expect(await requests().listPostedMessages(a.id)).toEqual([
        { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' },
        { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' },
      ]);
      expect(await requests().listPostedMessages('00000000-0000-4000-8000-000000000000')).toEqual([]);
    });

    it('stores a request and its notices together, or neither when the notices cannot be written', async () => {
      const { request: created } = await requests().open(newRequest(), (r) => noticeOf(r.id));
      expect(await keysOf(created.id)).toEqual([`access:${created.id}:email`]);

      const failing = newRequest();
      const before = await raw.count('deliveries');
      // A failure inside the transaction, after the request row was written, undoes it.
      await expect(
        requests().open(failing, () => {
          throw new Error('planning failed');
        }),
      ).rejects.toThrow('planning failed');
      expect(await raw.rows(`SELECT id FROM access_requests WHERE "orderNumber" = '${failing.orderNumber}'`)).toEqual([]);
      expect(await raw.count('deliveries')).toBe(before);
      expect(await keysOf(created.id)).toEqual([`access:${created.id}:email`]);
    });
  });
}
