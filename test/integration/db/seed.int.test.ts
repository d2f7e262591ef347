import { expect, it } from 'vitest';
import { hasRole } from '../../../core/index';
import { DEMO_USERS, seed } from '../../../scripts/db/seed';
import { seedWorkflow } from '../../../scripts/db/seed-workflow';
import { RecordingEmailNotifier } from '../../fakes/recording-notifiers';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const now = new Date('2030-06-15T12:00:00.000Z');

for (const target of TARGETS) {
  describeOn(target, 'the demo seed', () => {
    const fresh = useFreshDatabase(target);

    it('loads users and orders on both sides of the PONR, and only once', async () => {
      const { db } = fresh;
      expect(await seed(db, now)).toEqual({ created: ['ORD-1001', 'ORD-1002', 'ORD-1003'], existing: [] });
      expect(await seed(db, now)).toEqual({ created: [], existing: ['ORD-1001', 'ORD-1002', 'ORD-1003'] });

      const alice = await db.users.findByEmail('alice@acme-partner.example');
      expect(alice && hasRole(alice, 'Ordering', 'acme-partner.example')).toBe(true);
      expect((await db.users.findByEmail('bob@acme-partner.example'))?.roles).toEqual([]);
      const admin = await db.users.findByEmail('admin@provbot.example');
      expect(admin && hasRole(admin, 'Administrator', 'any-partner.example')).toBe(true);
      expect(DEMO_USERS).toHaveLength(3);

      const past = await db.orders.findByNumber('ORD-1001');
      expect(past!.requestedStartDate < '2030-06-15').toBe(true);
      expect(past?.lines.map((l) => [l.status, l.provisioningEmailSentAt !== null])).toEqual([
        ['Awaiting Provisioning Details', true],
        ['Awaiting Provisioning Details', true],
      ]);
      expect((await db.transactions.listForOrder('ORD-1001', 10)).map((t) => [t.kind, t.status])).toEqual([
        ['initial-email', 'Sent'],
        ['initial-email', 'Sent'],
      ]);

      const future = await db.orders.findByNumber('ORD-1002');
      expect(future!.requestedStartDate > '2030-06-15').toBe(true);
      expect(future?.lines.every((l) => l.provisioningEmailSentAt === null)).toBe(true);

      const [onboarded, closed] = (await db.orders.findByNumber('ORD-1003'))!.lines;
      expect(onboarded).toMatchObject({ status: 'Closed', ponrAt: expect.any(Date), organizationId: expect.any(String) });
      expect(closed).toMatchObject({ status: 'Closed', closedAt: expect.any(Date), provisionedAt: null, ponrAt: null });
      // Nothing in the seed is left for the scheduler to close or mail today.
      expect(await db.orders.closeExpiredLines(now)).toEqual([]);
      expect(await db.orders.findLinesDueForInitialEmail('2030-06-15', 10)).toEqual([]);
    });

    it('places one provisioned order and one waiting for approval, whose approver is emailed, and only once', async () => {
      const { db } = fresh;
      const email = new RecordingEmailNotifier();
      const [done, waiting] = await seedWorkflow(db, { email });
      expect(await db.workOrders.findByNumber(done!)).toMatchObject({ subscriberLogin: 'jsmith', state: 'Completed' });
      expect((await db.subscribers.listProducts('jsmith')).map((p) => p.type).sort()).toEqual(['Line', 'Phone', 'Voicemail']);
      expect(await db.workOrders.findByNumber(waiting!)).toMatchObject({
        subscriberLogin: 'jdoe',
        state: 'Released',
        extendedStatus: 'Waiting for Approval',
      });
      expect(email.activityEmails.map((a) => a.to)).toEqual([['ann.approver@acme-partner.example']]);
      expect(await seedWorkflow(db, { email })).toEqual([]);
    });
  });
}
