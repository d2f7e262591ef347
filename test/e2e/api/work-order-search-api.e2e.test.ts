import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { TARGETS, describeOn } from '../../integration/db/test-databases';

const DOMAIN = 'acme.example';
const person = (login: string, firstName: string, department: string, mac: string) => ({
  subscriber: { login, domain: DOMAIN, firstName, lastName: 'Tester', email: `${login}@acme.example`, phoneNumber: null, department },
  phone: { phoneType: '7945', macAddress: mac },
});

for (const target of TARGETS) {
  describeOn(target, 'GET /api/work-orders with every search criterion', () => {
    let bot: TestBot;
    beforeAll(async () => {
      bot = await startTestBot({}, { database: target });
      const rules = { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null };
      expect((await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, rules)).status).toBe(200);
    });
    afterAll(async () => bot?.stop());

    const numbers = async (query: string) => {
      const res = await bot.api('GET', `/api/work-orders?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as { number: string; subscriberLogin: string }[]).map((o) => o.subscriberLogin);
    };

    it('finds orders by department, name, kind and extended status, as chat search does', async () => {
      for (const p of [person('sales1', 'Sally', 'Sales', '00AABBCC0001'), person('supp1', 'Sam', 'Support', '00AABBCC0002')]) {
        expect((await bot.api('POST', '/api/subscribers', p.subscriber)).status).toBe(201);
        const placed = await bot.api('POST', '/api/work-orders', {
          subscriberLogin: p.subscriber.login,
          orderable: 'Phone Service',
          attributes: { Phone: p.phone },
        });
        expect(placed.body.order.state).toBe('Completed');
      }
      expect(await numbers('department=Sales')).toEqual(['sales1']);
      expect(await numbers('name=Sam&kind=Add&status=complete')).toEqual(['supp1']);
      expect(await numbers('department=Support&kind=Cancel')).toEqual([]);
      expect(await numbers('extended=approval&department=Sales')).toEqual([]);
    });

    it('answers 400 naming each bad criterion', async () => {
      const res = await bot.api('GET', '/api/work-orders?status=Shipped&colour=red&date=yesterday');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields).toEqual([
        { field: 'status', message: expect.stringMatching(/^"Shipped" is not an order status/) },
        { field: 'request', message: expect.stringMatching(/^"colour" is not a search criterion/) },
        { field: 'date', message: expect.stringMatching(/^"yesterday" is not a valid order date/) },
      ]);
    });
  });
}
