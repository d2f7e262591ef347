import { expect, it } from 'vitest';
import {
  COUNTRY_LOCKED,
  createActorLimits,
  createServicesSetup,
  DEFAULT_RATE_LIMITS,
  emptySetup,
  isCoreError,
  silentLogger,
} from '../../../core/index';
import type { Database } from '../../../adapters/db/create-database';
import { createSimulatedServicesSetup } from '../../../adapters/webex/simulated-services-setup';
import { customerForSetup, SETUP_PEOPLE } from '../../fixtures/customers-for-setup';
import { slackActor } from '../../fakes/actors';
import { AutoDispatch } from '../../fakes/auto-dispatch';
import { FixedClock } from '../../fakes/fixed-clock';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const clock = new FixedClock(new Date('2030-03-04T10:00:00Z'));

/** The wizard's use cases over one database client, as one bot process has them. */
function wizardOn(db: Database, customers: InMemoryCustomerDirectory) {
  const deliveries = new AutoDispatch();
  deliveries.enabled = false;
  return createServicesSetup({
    outbox: db.outbox,
    deliveries,
    clock,
    log: silentLogger,
    users: db.users,
    accessRequests: db.accessRequests,
    chat: [],
    limits: createActorLimits(DEFAULT_RATE_LIMITS, clock),
    customers,
    servicesSetups: db.servicesSetups,
    connectActivations: db.servicesSetups,
    setupBackend: createSimulatedServicesSetup(clock),
  });
}

for (const target of TARGETS) {
  // What one client sees is the contract's (test/fakes/services-setup-repository.contract.ts); here, racing clients.
  describeOn(target, 'ServicesSetupRepository', () => {
    const fresh = useFreshDatabase(target);

    it('of two administrators confirming different countries at once, exactly one wins; the other is told the country is locked', async () => {
      const customers = new InMemoryCustomerDirectory();
      const ids = Array.from({ length: 6 }, () => `cust-${unique()}`);
      for (const id of ids) customers.add(customerForSetup({ id }));
      await withClients(fresh.url, 2, async ([a, b]) => {
        const wizards = [wizardOn(a!, customers), wizardOn(b!, customers)];
        const people = [slackActor(SETUP_PEOPLE.pat), slackActor(SETUP_PEOPLE.carla)];
        for (const id of ids) {
          await wizards[0]!.updateServicesSetup({ actor: people[0]!, customerId: id, changes: { sipAddressName: 'globex' } });
          const results = await Promise.allSettled(
            (['DE', 'FR'] as const).map((country, i) =>
              wizards[i]!.updateServicesSetup({
                actor: people[i]!,
                customerId: id,
                changes: { countryOfOperation: country, confirmCountry: true },
              }),
            ),
          );
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          const err = lost[0]!.reason;
          expect(isCoreError(err) && err.code === 'CONFLICT' && String((err.details as { reason: string }).reason)).toContain(
            COUNTRY_LOCKED,
          );
          const stored = await a!.servicesSetups.find(id);
          expect(stored?.countryOfOperation).toBe(
            (won[0] as PromiseFulfilledResult<{ countryOfOperation: string }>).value.countryOfOperation,
          );
          expect(stored?.version).toBe(2);
        }
      });
    });

    it('settles a Connect activation stage once, with its notices, whichever client tries', async () => {
      const customerId = `cust-${unique()}`;
      const repo = fresh.db.servicesSetups;
      const setup = { ...emptySetup(customerId, clock.now()), version: 1, state: 'completed' as const };
      const deadline = new Date('2030-03-13T10:00:00Z');
      const activation = {
        customerId,
        customerName: 'Globex',
        partnerDomain: 'acme.example',
        adminEmail: 'Carla@Globex.example',
        deadline,
        remindAt: new Date('2030-03-11T10:00:00Z'),
      };
      expect(await repo.saveIfVersion(setup, 0, activation)).toBe(true);
      const [stored] = await repo.listForCustomer(customerId);
      expect(stored).toMatchObject({ adminEmail: 'carla@globex.example', deadline, remindedAt: null, expiredAt: null });
      expect((await repo.listDue(new Date('2030-03-10T10:00:00Z'), 100)).some((a) => a.customerId === customerId)).toBe(false);
      const due = new Date('2030-03-11T11:00:00Z');
      expect((await repo.listDue(due, 100)).some((a) => a.customerId === customerId)).toBe(true);
      const key = `connect-activation:${stored!.id}:reminder`;
      const writes = {
        deliveries: [
          {
            key,
            target: { channel: 'email' as const, address: 'carla@globex.example', asUser: false, domain: null },
            content: {
              kind: 'connect-activation' as const,
              stage: 'reminder' as const,
              customerName: 'Globex',
              adminEmail: 'carla@globex.example',
              deadline: deadline.toISOString(),
            },
            dueAt: due,
          },
        ],
        digestItems: [],
        escalations: [],
      };
      const settled = await withClients(fresh.url, 2, (dbs) =>
        Promise.all(dbs.map((db) => db.servicesSetups.settle(stored!.id, 'reminded', due, writes))),
      );
      expect(settled.filter(Boolean)).toHaveLength(1);
      expect((await repo.listDue(due, 100)).some((a) => a.customerId === customerId)).toBe(false);
      const pending = await fresh.db.outbox.claimDue({ now: due, limit: 100, leaseMs: 1000 });
      expect(pending.filter((d) => d.key === key)).toHaveLength(1);
    });

    it('records an activation once, whichever client tries, after which it is never due', async () => {
      const customerId = `cust-${unique()}`;
      const repo = fresh.db.servicesSetups;
      const setup = { ...emptySetup(customerId, clock.now()), version: 1, state: 'completed' as const };
      const deadline = new Date(clock.now().getTime() + 9 * 86_400_000);
      const activation = {
        customerId,
        customerName: 'Globex',
        partnerDomain: 'acme.example',
        adminEmail: 'carla@globex.example',
        deadline,
        remindAt: new Date(deadline.getTime() - 2 * 86_400_000),
      };
      expect(await repo.saveIfVersion(setup, 0, activation)).toBe(true);
      const [stored] = await repo.listForCustomer(customerId);
      const at = clock.now();
      const recorded = await withClients(fresh.url, 2, (dbs) =>
        Promise.all(dbs.map((db) => db.servicesSetups.recordActivation(stored!.id, at))),
      );
      expect(recorded.filter(Boolean)).toHaveLength(1);
      expect((await repo.listForCustomer(customerId))[0]).toMatchObject({ activatedAt: at, expiredAt: null });
      expect((await repo.listDue(new Date(deadline.getTime() + 86_400_000), 100)).some((a) => a.customerId === customerId)).toBe(false);
      expect(await repo.settle(stored!.id, 'expired', deadline, { deliveries: [], digestItems: [], escalations: [] })).toBe(false);
    });
  });
}
