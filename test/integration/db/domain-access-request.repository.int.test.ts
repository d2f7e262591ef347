import { expect, it } from 'vitest';
import type { ActionOutcome, NewAccessRequest, OutboxWrites } from '../../../core/index';
import { at } from './fixtures';
import { deliveries } from './outbox-fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

/** A request about a partner domain (an onboarding write): no order, no single approver, the input as the action. */
const domainRequest = (name = 'Retail calling', requesterEmail = 'olive@acme.example'): NewAccessRequest => ({
  orderNumber: null,
  domain: 'acme.example',
  action: {
    kind: 'create-template',
    template: {
      domain: 'acme.example',
      name,
      subscriptionId: 'Sub-100',
      authenticationMethod: 'webex',
      language: 'en_US',
      timezone: 'America/New_York',
      packages: ['webex_calling', 'webex_meetings'],
    },
  },
  requester: { name: 'Olive Orderer', email: requesterEmail, channel: 'slack', platformUserId: 'UOLIVE' },
  approver: null,
  createdAt: at('2030-01-16T09:00:00.250Z'),
});

const none = (): OutboxWrites => deliveries();

for (const target of TARGETS) {
  describeOn(target, 'AccessRequestRepository: partner-domain requests', () => {
    const fresh = useFreshDatabase(target);
    const requests = () => fresh.db.accessRequests;
    // Each test its own requester: the open key includes them, and the database is shared by the file.
    const someone = () => `olive-${globalThis.crypto.randomUUID().slice(0, 8)}@acme.example`;

    it('stores a request without order or approver and reads its payload back intact', async () => {
      const input = domainRequest('Round trip', someone());
      const { request, created } = await requests().open(input, none);
      expect(created).toBe(true);
      expect(await requests().findById(request.id)).toEqual({
        ...input,
        id: request.id,
        status: 'Pending',
        decidedBy: null,
        decidedAt: null,
        outcome: null,
      });
    });

    it('keeps one open request per requester and payload: the same payload waits, another payload opens its own', async () => {
      const who = someone();
      const first = await requests().open(domainRequest('One', who), none);
      const again = await requests().open(domainRequest('One', who), none);
      const other = await requests().open(domainRequest('Two', who), none);
      expect([first.created, again.created, other.created]).toEqual([true, false, true]);
      expect(again.request.id).toBe(first.request.id);
      expect(other.request.id).not.toBe(first.request.id);
    });

    it('of 10 parallel identical requests from separate clients, exactly one is created', async () => {
      const who = someone();
      const results = await withClients(fresh.url, 10, (dbs) =>
        Promise.all(dbs.map((db) => db.accessRequests.open(domainRequest('Race', who), none))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
    });

    it('keeps the outcome of the approved write, the created template with its dates', async () => {
      const { request } = await requests().open(domainRequest('Outcome', someone()), none);
      expect(
        await requests().decide(
          request.id,
          'Approved',
          { name: 'Pia Partner', email: 'pia@acme.example', channel: 'email' },
          at('2030-01-16T10:00:00Z'),
          none(),
        ),
      ).toBe(true);
      const outcome: ActionOutcome = {
        ok: true,
        result: {
          kind: 'template-created',
          template: {
            id: 'tpl-1',
            domain: 'acme.example',
            name: 'Outcome',
            subscriptionId: 'Sub-100',
            authenticationMethod: 'webex',
            pstnVendor: null,
            language: 'en_US',
            timezone: 'America/New_York',
            packages: ['webex_calling'],
            provisioningId: '5f0c7f1e-0000-4000-8000-000000000000',
            createdBy: { name: 'Olive Orderer', email: 'olive@acme.example' },
            createdAt: at('2030-01-16T10:00:01Z'),
            customerCount: 0,
          },
        },
      };
      await requests().setOutcome(request.id, outcome, none());
      expect(await requests().findById(request.id)).toMatchObject({ status: 'Approved', outcome, orderNumber: null, approver: null });
      // Decided: the key is free, so the requester may ask for the same again.
      expect((await requests().open(domainRequest('Outcome', request.requester.email!), none)).created).toBe(true);
    });
  });
}
