import { describe, expect, it } from 'vitest';
import type { NewSupportCase, OrderRepository, OutboxWrites, SupportCaseRepository } from '../../core/index';
import { noWrites } from '../../core/notifications/delivery';
import { at, newOrder } from '../integration/db/fixtures';

/**
 * What SupportCaseRepository promises (core/ports/support-case-repository.port.ts), through
 * the port only, so InMemorySupportCases and adapters/db run the same suite.
 */
export interface SupportCasesUnderTest {
  cases: SupportCaseRepository;
  orders: OrderRepository;
  /** Every delivery key stored so far (the outbox of the same store). */
  deliveryKeys(): Promise<string[]>;
}

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

const anOrder = async (s: SupportCasesUnderTest) => (await s.orders.create(newOrder())).number;

export function describeSupportCaseRepository(name: string, make: () => Promise<SupportCasesUnderTest>) {
  describe(name, () => {
    it('numbers each case CASE-<n>, stores it whole and writes its email in the same step', async () => {
      const s = await make();
      const number = await anOrder(s);
      const input = aCase(number);
      const opened = await s.cases.open(input, emailTo('support@cisco.example'));
      expect(opened).toEqual({ ...input, number: expect.stringMatching(/^CASE-\d+$/) });
      expect(await s.cases.findByNumber(opened.number)).toEqual(opened);
      expect((await s.deliveryKeys()).filter((k) => k === `support-case:${opened.number}`)).toHaveLength(1);
      expect(await s.cases.findByNumber('CASE-0')).toBeNull();
    });

    it('gives cases opened at once distinct numbers and lists them newest first per order', async () => {
      const s = await make();
      const number = await anOrder(s);
      const other = await anOrder(s);
      const opened = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          s.cases.open(aCase(i === 3 ? other : number, { createdAt: at(`2030-01-16T09:00:0${i}Z`) }), emailTo('s@x.example')),
        ),
      );
      expect(new Set(opened.map((c) => c.number)).size).toBe(4);
      const listed = await s.cases.listForOrder(number, 10);
      expect(listed.map((c) => c.number)).toEqual([opened[2]!.number, opened[1]!.number, opened[0]!.number]);
      expect(await s.cases.listForOrder(number, 2)).toHaveLength(2);
    });

    it('stores nothing when the email cannot be written: the case and its notice go together', async () => {
      const s = await make();
      const number = await anOrder(s);
      const broken = () => {
        throw new Error('planning failed');
      };
      const keysBefore = (await s.deliveryKeys()).filter((k) => k.startsWith('support-case:'));
      await expect(s.cases.open(aCase(number), broken)).rejects.toThrow('planning failed');
      expect(await s.cases.listForOrder(number, 10)).toEqual([]);
      expect((await s.deliveryKeys()).filter((k) => k.startsWith('support-case:'))).toEqual(keysBefore);
    });
  });
}
