import { describe, expect, it } from 'vitest';
import { emptySetup } from '../../core/index';
import type { ConnectActivationRepository, NewDelivery, OutboxRepository, ServicesSetupRepository } from '../../core/index';
import { unique } from '../integration/db/fixtures';
import { aDelivery, deliveries } from '../integration/db/outbox-fixtures';

/**
 * What ServicesSetupRepository and ConnectActivationRepository promise
 * (core/ports/services-setup-repository.port.ts), through the ports only, so
 * InMemoryServicesSetups and adapters/db run the same suite. Racing clients stay in
 * test/integration/db/services-setup.repository.int.test.ts.
 */
export interface ServicesSetupsUnderTest {
  setups: ServicesSetupRepository & ConnectActivationRepository;
  /** The outbox of the same store: it records where progress messages were posted. */
  outbox: OutboxRepository;
  /** Every delivery key stored so far (the outbox of the same store). */
  deliveryKeys(): Promise<string[]>;
}

const now = new Date('2030-03-04T10:00:00Z');
/** Due long before any other test's delivery, so a claim of one takes the test's own. */
const LONG_AGO = new Date('2001-01-01T00:00:00Z');

/** The submitter's progress message, as the wizard writes it with the save. */
const progressPost = (customerId: string, key: string): NewDelivery => ({
  key,
  target: { channel: 'chat', platform: 'slack', to: { kind: 'user', platformUserId: 'UPAT', email: 'pat@x.example' } },
  content: { kind: 'services-setup-progress', customerId },
  dueAt: LONG_AGO,
});

export function describeServicesSetupRepository(name: string, make: () => Promise<ServicesSetupsUnderTest>) {
  describe(name, () => {
    it('stores a setup, reads it back whole, and saves only over the version it read', async () => {
      const { setups } = await make();
      const id = `cust-${unique()}`;
      const first = { ...emptySetup(id, now), version: 1, sipAddressName: 'globex', progress: [{ name: 'Create the tenant', done: true }] };
      expect(await setups.saveIfVersion(first, 0)).toBe(true);
      expect(await setups.saveIfVersion(first, 0)).toBe(false);
      expect(await setups.find(id)).toEqual(first);
      const confirmed = { ...first, version: 2, countryOfOperation: 'DE', countryConfirmedAt: now, countryConfirmedBy: 'pat@x.example' };
      expect(await setups.saveIfVersion(confirmed, 1)).toBe(true);
      expect(await setups.saveIfVersion({ ...confirmed, countryOfOperation: 'FR', version: 2 }, 1)).toBe(false);
      expect(await setups.find(id)).toEqual(confirmed);
      expect(await setups.find(`cust-${unique()}`)).toBeNull();
    });

    it('adds a Connect activation with the completing save; lists it when due; settles each stage once, with its notices', async () => {
      const s = await make();
      const customerId = `cust-${unique()}`;
      const setup = { ...emptySetup(customerId, now), version: 1, state: 'completed' as const };
      const deadline = new Date('2030-03-13T10:00:00Z');
      const activation = {
        customerId,
        customerName: 'Globex',
        partnerDomain: 'acme.example',
        adminEmail: 'Carla@Globex.example',
        deadline,
        remindAt: new Date('2030-03-11T10:00:00Z'),
      };
      expect(await s.setups.saveIfVersion(setup, 0, activation)).toBe(true);
      expect((await s.setups.listByState('completed', 100_000)).map((x) => x.customerId)).toContain(customerId);
      const [stored, ...more] = await s.setups.listForCustomer(customerId);
      expect(more).toEqual([]);
      expect(stored).toMatchObject({ adminEmail: 'carla@globex.example', deadline, remindedAt: null, expiredAt: null, activatedAt: null });
      const dueOf = async (at: Date) => (await s.setups.listDue(at, 100_000)).filter((a) => a.customerId === customerId).map((a) => a.id);
      expect(await dueOf(new Date('2030-03-10T10:00:00Z'))).toEqual([]);
      const due = new Date('2030-03-11T11:00:00Z');
      expect(await dueOf(due)).toEqual([stored!.id]);
      const told = (stage: string) => deliveries(aDelivery({ key: `connect:${stored!.id}:${stage}` }));
      expect(await s.setups.settle(stored!.id, 'reminded', due, told('reminder'))).toBe(true);
      expect(await s.setups.settle(stored!.id, 'reminded', due, told('reminder-again'))).toBe(false);
      expect(await dueOf(due)).toEqual([]);
      expect(await dueOf(deadline)).toEqual([stored!.id]);
      expect(await s.setups.settle(stored!.id, 'expired', deadline, told('expired'))).toBe(true);
      expect(await dueOf(new Date('2030-04-01T00:00:00Z'))).toEqual([]);
      const keys = (await s.deliveryKeys()).filter((k) => k.startsWith(`connect:${stored!.id}:`)).sort();
      expect(keys).toEqual([`connect:${stored!.id}:expired`, `connect:${stored!.id}:reminder`]);
    });

    it('writes the progress message with the save and none with a refused one, and lists where the outbox posted it', async () => {
      const s = await make();
      const id = `cust-${unique()}`;
      const submitted = {
        ...emptySetup(id, now),
        version: 1,
        state: 'submitted' as const,
        submitter: { channel: 'slack' as const, platformUserId: 'UPAT', email: 'pat@x.example' },
      };
      expect(await s.setups.saveIfVersion(submitted, 0, undefined, deliveries(progressPost(id, `progress:${id}`)))).toBe(true);
      expect(await s.setups.saveIfVersion(submitted, 0, undefined, deliveries(progressPost(id, `refused:${id}`)))).toBe(false);
      expect((await s.deliveryKeys()).filter((k) => k.endsWith(`:${id}`))).toEqual([`progress:${id}`]);
      expect(await s.setups.listPostedMessages(id)).toEqual([]);

      const [claimed, ...more] = await s.outbox.claimDue({ now: LONG_AGO, limit: 2, leaseMs: 60_000 });
      expect([claimed?.key, ...more]).toEqual([`progress:${id}`]);
      const message = { platform: 'slack' as const, address: 'D0PAT:1700000000.000100' };
      expect(await s.outbox.markSent(claimed!, { at: LONG_AGO, posted: { servicesSetupId: id, message } })).toBe(true);
      expect(await s.setups.listPostedMessages(id)).toEqual([message]);
      expect(await s.setups.listPostedMessages(`cust-${unique()}`)).toEqual([]);
    });

    it('records an activation once, and never one whose deadline has already been told', async () => {
      const s = await make();
      const live = `cust-${unique()}`;
      const told = `cust-${unique()}`;
      for (const customerId of [live, told]) {
        const setup = { ...emptySetup(customerId, now), version: 1, state: 'completed' as const };
        const activation = { customerId, customerName: 'Globex', partnerDomain: 'acme.example', adminEmail: 'carla@globex.example' };
        expect(await s.setups.saveIfVersion(setup, 0, { ...activation, deadline: now, remindAt: now })).toBe(true);
      }
      const [active] = await s.setups.listForCustomer(live);
      expect(await s.setups.recordActivation(active!.id, now)).toBe(true);
      expect(await s.setups.recordActivation(active!.id, new Date(now.getTime() + 1000))).toBe(false);
      expect((await s.setups.listForCustomer(live))[0]?.activatedAt).toEqual(now);

      const [expired] = await s.setups.listForCustomer(told);
      expect(await s.setups.settle(expired!.id, 'expired', now, deliveries())).toBe(true);
      expect(await s.setups.recordActivation(expired!.id, now)).toBe(false);
      expect((await s.setups.listForCustomer(told))[0]?.activatedAt).toBeNull();
    });
  });
}
