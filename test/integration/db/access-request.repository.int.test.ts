import { expect, it } from 'vitest';
import type { ActionOutcome, NewAccessRequest } from '../../../core/index';
import { at, uniqueOrderNumber } from './fixtures';
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

for (const target of TARGETS) {
  describeOn(target, 'AccessRequestRepository', () => {
    const fresh = useFreshDatabase(target);
    const requests = () => fresh.db.accessRequests;

    it('creates a Pending request and finds it by id, its action intact', async () => {
      const input = newRequest();
      const created = await requests().create(input);
      expect(created).toEqual({ ...input, ...pending, id: expect.any(String) });
      expect(await requests().findById(created.id)).toEqual(created);
      const other = await requests().create(newRequest({ action: { kind: 'resend', lines: 'all' }, requester: { name: 'Eve', email: null, channel: 'email', platformUserId: null } }));
      expect(other.id).not.toBe(created.id);
      expect(await requests().findById(other.id)).toMatchObject({ action: { kind: 'resend', lines: 'all' }, requester: { email: null, platformUserId: null } });
    });

    it('finds nothing for an unknown id', async () => {
      expect(await requests().findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('records the first decision and refuses later ones', async () => {
      const { id } = await requests().create(newRequest());
      const alice = { name: 'Alice Placer', email: 'alice@acme-partner.example', channel: 'teams' as const };
      expect(await requests().decide(id, 'Approved', alice, at('2030-01-16T10:00:00Z'))).toBe(true);
      expect(await requests().decide(id, 'Declined', { name: 'Ada', email: null, channel: 'email' }, at('2030-01-16T11:00:00Z'))).toBe(false);
      expect(await requests().findById(id)).toMatchObject({ status: 'Approved', decidedBy: alice, decidedAt: at('2030-01-16T10:00:00Z') });
    });

    it('lets exactly one of 20 concurrent deciders win, from separate clients', async () => {
      const { id } = await requests().create(newRequest());
      const results = await withClients(fresh.url, 20, (dbs) =>
        Promise.all(dbs.map((db, i) => db.accessRequests.decide(id, i % 2 ? 'Declined' : 'Approved', { name: `decider ${i}`, email: null, channel: 'slack' }, at('2030-01-16T10:00:00Z')))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await requests().findById(id)).toMatchObject({
        status: winner % 2 ? 'Declined' : 'Approved',
        decidedBy: { name: `decider ${winner}`, email: null, channel: 'slack' },
      });
    });

    it('does not decide an unknown request', async () => {
      expect(await requests().decide('00000000-0000-4000-8000-000000000000', 'Approved', { name: 'A', email: null, channel: 'slack' }, at('2030-01-16T10:00:00Z'))).toBe(false);
    });

    it('keeps the outcome, dates included', async () => {
      const ok = await requests().create(newRequest());
      const done: ActionOutcome = {
        ok: true,
        result: { kind: 'resent', orderNumber: ok.orderNumber, attempts: [{ lineNumber: 1, to: 'it@customer.example', status: 'Sent', error: null }], skipped: [{ lineNumber: 3, reason: 'past-ponr' }], senderAddress: 'provbot@example.com' },
      };
      await requests().setOutcome(ok.id, done);
      expect((await requests().findById(ok.id))?.outcome).toEqual(done);

      const refused = await requests().create(newRequest());
      const failure: ActionOutcome = { ok: false, code: 'ALREADY_DECIDED', details: { decision: 'Declined', decidedBy: 'Ada', decidedAt: at('2030-01-16T10:00:00.5Z') } };
      await requests().setOutcome(refused.id, failure);
      const read = (await requests().findById(refused.id))?.outcome;
      expect(read).toEqual(failure);
      expect(read && !read.ok && 'details' in read && (read.details as { decidedAt: unknown }).decidedAt).toBeInstanceOf(Date);
    });

    it('lists the posted copies of a request in the order they were posted', async () => {
      const a = await requests().create(newRequest());
      const b = await requests().create(newRequest());
      await requests().addPostedMessage(a.id, { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' });
      await requests().addPostedMessage(b.id, { platform: 'slack', address: '{"channel":"D9","ts":"9.9"}' });
      await requests().addPostedMessage(a.id, { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' });
      expect(await requests().listPostedMessages(a.id)).toEqual([
        { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' },
        { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' },
      ]);
      expect(await requests().listPostedMessages('00000000-0000-4000-8000-000000000000')).toEqual([]);
    });
  });
}
