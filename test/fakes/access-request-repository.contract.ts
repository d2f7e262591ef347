import { describe, expect, it } from 'vitest';
import type {
  AccessRequest,
  AccessRequestRepository,
  ActionOutcome,
  NewAccessRequest,
  OutboxRepository,
  OutboxWrites,
} from '../../core/index';
import { at, uniqueOrderNumber } from '../integration/db/fixtures';
import { aDelivery, deliveries, emailTo } from '../integration/db/outbox-fixtures';

/**
 * What AccessRequestRepository promises (core/ports/access-request-repository.port.ts),
 * through the port only, so InMemoryAccessRequests and adapters/db run the same suite.
 * Tests share a database: each uses order numbers of its own. Racing clients (exactly one
 * of 30 parallel opens creates) stay in test/integration/db/access-request.repository.int.test.ts.
 */
export interface AccessRequestsUnderTest {
  requests: AccessRequestRepository;
  /** The outbox of the same store: it records where copies were posted. */
  outbox: OutboxRepository;
  /** Every delivery key stored so far. */
  deliveryKeys(): Promise<string[]>;
}

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
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const alice = { name: 'Alice Placer', email: 'alice@acme-partner.example', channel: 'teams' as const };
/** A notice about the request, keyed by its id, as the core plans one. */
const noticeOf = (id: string, what = 'access'): OutboxWrites =>
  deliveries(
    aDelivery({
      key: `${what}:${id}:email`,
      target: emailTo('alice@acme-partner.example'),
      content: { kind: 'access-request', requestId: id },
    }),
  );

export function describeAccessRequestRepository(name: string, make: () => Promise<AccessRequestsUnderTest>) {
  const keysOf = async (s: AccessRequestsUnderTest, id: string) => (await s.deliveryKeys()).filter((k) => k.includes(`:${id}:`)).sort();
  const create = async (s: AccessRequestsUnderTest, input: NewAccessRequest) => {
    const opened = await s.requests.open(input, none);
    expect(opened.created).toBe(true);
    return opened.request;
  };

  describe(`${name}: open and find`, () => {
    it('creates a Pending request and finds it by id, its action intact; an unknown id is null', async () => {
      const s = await make();
      const input = newRequest();
      const created = await create(s, input);
      expect(created).toEqual({ ...input, ...pending, id: expect.any(String) });
      expect(await s.requests.findById(created.id)).toEqual(created);
      const requester = { name: 'Eve', email: null, channel: 'email' as const, platformUserId: null };
      const other = await create(s, newRequest({ action: { kind: 'resend', lines: 'all' }, requester }));
      expect(other.id).not.toBe(created.id);
      expect(await s.requests.findById(other.id)).toMatchObject({ action: { kind: 'resend', lines: 'all' }, requester });
      expect(await s.requests.findById(UNKNOWN)).toBeNull();
    });

    it('keeps one open request per requester, order and action kind: a repeat gets the waiting one, changing nothing', async () => {
      const s = await make();
      const first = await create(s, newRequest());
      const repeat = {
        ...newRequest({ orderNumber: first.orderNumber }),
        action: { kind: 'contact' as const, lines: 'all' as const, email: 'o@x.example' },
      };
      expect(await s.requests.open(repeat, (r) => noticeOf(r.id))).toEqual({ request: first, created: false });
      expect(await s.requests.findById(first.id)).toEqual(first);
      expect(await keysOf(s, first.id)).toEqual([]);
      // Another action kind, another requester (the same email in other case is the same one), another order: each its own.
      const resend = await s.requests.open(newRequest({ orderNumber: first.orderNumber, action: { kind: 'resend', lines: 'all' } }), none);
      expect(resend.created).toBe(true);
      const bobAgain = { ...first.requester, email: 'BOB@acme-partner.example', channel: 'teams' as const };
      expect(await s.requests.open(newRequest({ orderNumber: first.orderNumber, requester: bobAgain }), none)).toMatchObject({
        created: false,
        request: { id: first.id },
      });
      const eve = { name: 'Eve', email: 'eve@x.example', channel: 'slack' as const, platformUserId: 'UEVE' };
      expect((await s.requests.open(newRequest({ orderNumber: first.orderNumber, requester: eve }), none)).created).toBe(true);
    });

    it('stores a request and its notices together, or neither when planning the notices fails', async () => {
      const s = await make();
      const { request: created } = await s.requests.open(newRequest(), (r) => noticeOf(r.id));
      expect(await keysOf(s, created.id)).toEqual([`access:${created.id}:email`]);
      const failing = newRequest();
      const before = (await s.deliveryKeys()).length;
      const plan = () => {
        throw new Error('planning failed');
      };
      await expect(s.requests.open(failing, plan)).rejects.toThrow('planning failed');
      expect((await s.deliveryKeys()).length).toBe(before);
      // Nothing holds the open key: the same request opens anew.
      expect((await s.requests.open(failing, none)).created).toBe(true);
    });
  });

  describe(`${name}: decide and outcome`, () => {
    it('the first decision wins; a later one returns false and writes no notices', async () => {
      const s = await make();
      const { id } = await create(s, newRequest());
      expect(await s.requests.decide(id, 'Approved', alice, at('2030-01-16T10:00:00Z'), noticeOf(id, 'first'))).toBe(true);
      const ada = { name: 'Ada', email: null, channel: 'email' as const };
      expect(await s.requests.decide(id, 'Declined', ada, at('2030-01-16T11:00:00Z'), noticeOf(id, 'second'))).toBe(false);
      expect(await s.requests.findById(id)).toMatchObject({ status: 'Approved', decidedBy: alice, decidedAt: at('2030-01-16T10:00:00Z') });
      expect(await keysOf(s, id)).toEqual([`first:${id}:email`]);
    });

    it('does not decide an unknown request', async () => {
      const s = await make();
      expect(await s.requests.decide(UNKNOWN, 'Approved', alice, at('2030-01-16T10:00:00Z'), noticeOf(UNKNOWN))).toBe(false);
      expect(await keysOf(s, UNKNOWN)).toEqual([]);
    });

    it('lets the requester ask again once the open request is decided', async () => {
      const s = await make();
      const first = await create(s, newRequest());
      await s.requests.decide(first.id, 'Declined', alice, at('2030-01-16T10:00:00Z'), none());
      const again = await s.requests.open(newRequest({ orderNumber: first.orderNumber }), none);
      expect(again.created).toBe(true);
      expect(again.request.id).not.toBe(first.id);
      expect(await s.requests.findById(first.id)).toMatchObject({ status: 'Declined' });
    });

    it('keeps the outcome, dates included, with the notices that tell it', async () => {
      const s = await make();
      const ok = await create(s, newRequest());
      const attempts = [{ lineNumber: 1, to: 'it@customer.example', status: 'Sent' as const, error: null }];
      const done: ActionOutcome = {
        ok: true,
        result: {
          kind: 'resent',
          orderNumber: ok.orderNumber ?? '',
          attempts,
          skipped: [{ lineNumber: 3, reason: 'past-ponr' }],
          senderAddress: 'p@x.example',
        },
      };
      await s.requests.setOutcome(ok.id, done, noticeOf(ok.id, 'told'));
      expect(await keysOf(s, ok.id)).toEqual([`told:${ok.id}:email`]);
      expect((await s.requests.findById(ok.id))?.outcome).toEqual(done);

      const refused = await create(s, newRequest());
      const decidedAt = at('2030-01-16T10:00:00.5Z');
      const failure: ActionOutcome = { ok: false, code: 'ALREADY_DECIDED', details: { decision: 'Declined', decidedBy: 'Ada', decidedAt } };
      await s.requests.setOutcome(refused.id, failure, none());
      const read = (await s.requests.findById(refused.id))?.outcome;
      expect(read).toEqual(failure);
      expect(read && !read.ok && 'details' in read && (read.details as { decidedAt: unknown }).decidedAt).toBeInstanceOf(Date);
    });
  });

  describe(`${name}: posted copies`, () => {
    it('lists the copies the outbox stored as posted, in the order they were posted', async () => {
      const s = await make();
      const a = await create(s, newRequest());
      const b = await create(s, newRequest());
      // Due long before any other test's delivery, so the claim takes this one.
      const long = at('2001-01-01T00:00:00Z');
      const post = async (request: AccessRequest, address: string, platform: 'slack' | 'teams' = 'slack') => {
        await s.outbox.write(deliveries(aDelivery({ dueAt: long })));
        const [claimed] = await s.outbox.claimDue({ now: long, limit: 1, leaseMs: 60_000 });
        const posted = { accessRequestId: request.id, message: { platform, address } };
        expect(await s.outbox.markSent(claimed!, { at: long, posted })).toBe(true);
      };
      await post(a, '{"channel":"D1","ts":"1.2"}');
      await post(b, '{"channel":"D9","ts":"9.9"}');
      await post(a, '{"conversation":{"id":"a:1"},"activityId":"x"}', 'teams');
      expect(await s.requests.listPostedMessages(a.id)).toEqual([
        { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' },
        { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' },
      ]);
      expect(await s.requests.listPostedMessages(UNKNOWN)).toEqual([]);
    });
  });
}
