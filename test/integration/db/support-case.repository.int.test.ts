import { expect, it } from 'vitest';
import type { NewSupportCase, OutboxWrites } from '../../../core/index';
import { noWrites } from '../../../core/notifications/delivery';
import { at, newOrder } from './fixtures';
import { openRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const aCase = (orderNumber: string, overrides: Partial<NewSupportCase> = {}): NewSupportCase => ({
  orderNumber,
  lineNumbers: [1, 2],
  requestType: 'resend',
  description: 'The contact says the email never arrives.\nTried twice.',
  openedBy: { name: 'Alice Placer', email: 'alice@acme-partner.example' },
  channel: 'slack',
  sentTo: 'support@cisco.example',
  createdAt: at('2030-01-16T09:00:00.000Z'),
  ...overrides,
});

const emailTo =
  (address: string) =>
  (opened: { number: string; createdAt: Date }): OutboxWrites => ({
    ...noWrites(),
    deliveries: [
      {
        key: `support-case:${opened.number}`,
        target: { channel: 'email', address, asUser: false, domain: null },
        content: { kind: 'support-case', caseNumber: opened.number },
        dueAt: opened.createdAt,
      },
    ],
  });

for (const target of TARGETS) {
  describeOn(target, 'SupportCaseRepository', () => {
    const fresh = useFreshDatabase(target);
    const cases = () => fresh.db.supportCases;
    const anOrder = async () => (await fresh.db.orders.create(newOrder())).number;

    it('numbers each case CASE-<n>, stores it whole and writes its email in the same step', async () => {
      const number = await anOrder();
      const input = aCase(number);
      const opened = await cases().open(input, emailTo('support@cisco.example'));
      expect(opened).toEqual({ ...input, number: expect.stringMatching(/^CASE-\d+$/) });
      expect(await cases().findByNumber(opened.number)).toEqual(opened);
      const raw = openRawTables(fresh.url);
      try {
        const rows = await raw.rows<{ key: string }>(`SELECT "key" FROM "deliveries" WHERE "key" = 'support-case:${opened.number}'`);
        expect(rows).toHaveLength(1);
      } finally {
        await raw.close();
      }
    });

    it('gives cases opened at once distinct numbers and lists them newest first per order', async () => {
      const number = await anOrder();
      const other = await anOrder();
      const opened = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          cases().open(aCase(i === 3 ? other : number, { createdAt: at(`2030-01-16T09:00:0${i}Z`) }), emailTo('s@x.example')),
        ),
      );
      expect(new Set(opened.map((c) => c.number)).size).toBe(4);
      const listed = await cases().listForOrder(number, 10);
      expect(listed.map((c) => c.number)).toEqual([opened[2]!.number, opened[1]!.number, opened[0]!.number]);
      expect(await cases().listForOrder(number, 2)).toHaveLength(2);
    });

    it('stores nothing when the email cannot be written: the case and its notice go together', async () => {
      const number = await anOrder();
      const broken = () => {
        throw new Error('planning failed');
      };
      await expect(cases().open(aCase(number), broken)).rejects.toThrow('planning failed');
      expect(await cases().listForOrder(number, 10)).toEqual([]);
    });
  });
}
