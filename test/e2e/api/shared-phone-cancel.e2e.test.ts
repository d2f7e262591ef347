import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { TARGETS, describeOn } from '../../integration/db/test-databases';

const DOMAIN = 'acme.example';
const subscriber = (login: string, firstName: string) => ({
  login,
  domain: DOMAIN,
  firstName,
  lastName: 'Tester',
  email: `${login}@acme.example`,
  phoneNumber: null,
  department: null,
});
const PHONE = { phoneType: '7945', macAddress: '00AABBCCDDEE' };
type Product = { id: string; type: string; subscriberLogin: string; parentId: string | null; shared: boolean };

for (const target of TARGETS) {
  describeOn(target, 'cancelling a shared phone through the API', () => {
    let bot: TestBot;
    beforeAll(async () => {
      bot = await startTestBot({}, { database: target });
      expect(
        (await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null }))
          .status,
      ).toBe(200);
    });
    afterAll(async () => bot?.stop());

    const record = async (login: string) => (await bot.api('GET', `/api/subscribers/${login}`)).body.products as Product[];

    /** The owner with a Phone Service, and a second subscriber with a Line on a Shared Phone on that phone. */
    async function sharedPhone(owner: string, guest: string) {
      for (const s of [subscriber(owner, 'Olga'), subscriber(guest, 'Gus')])
        expect((await bot.api('POST', '/api/subscribers', s)).status).toBe(201);
      // Setting Up a Shared Phone: "Select Phone Service ... Make note of the MAC address of the phone."
      const placed = await bot.api('POST', '/api/work-orders', {
        subscriberLogin: owner,
        orderable: 'Phone Service',
        attributes: { Phone: PHONE },
      });
      expect(placed.body.order).toMatchObject({ state: 'Completed' });
      expect((await record(owner)).map((p) => p.type)).toEqual(['Phone', 'Line']);
      const phone = (await record(owner)).find((p) => p.type === 'Phone')!;
      const shared = await bot.api('POST', '/api/work-orders', {
        subscriberLogin: guest,
        orderable: 'Line on a Shared Phone',
        parentProductId: phone.id,
      });
      expect(shared.body.order).toMatchObject({ state: 'Completed' });
      return phone;
    }

    it("the owner's cancel moves the phone to the subscriber with a line on it, shown in both records", async () => {
      const phone = await sharedPhone('olga', 'gus');
      const cancelled = await bot.api('POST', `/api/products/${phone.id}/cancel`, {});
      expect(cancelled.body.order).toMatchObject({ kind: 'Cancel', state: 'Completed' });

      // "If the first subscriber deletes a shared line or a phone, the associates of the
      // shared line or a phone will move to the second subscriber."
      expect(await record('olga')).toEqual([]);
      const gus = await record('gus');
      expect(gus.map((p) => [p.type, p.subscriberLogin, p.parentId, p.shared])).toEqual([
        ['Phone', 'gus', null, false],
        ['Line on a Shared Phone', 'gus', phone.id, false],
      ]);
      expect(gus[0]!.id).toBe(phone.id);
    });

    it('a phone nobody else has a line on is removed with its lines', async () => {
      await bot.api('POST', '/api/subscribers', subscriber('solo', 'Sol'));
      await bot.api('POST', '/api/work-orders', {
        subscriberLogin: 'solo',
        orderable: 'Phone',
        attributes: { Phone: { ...PHONE, macAddress: '00AABBCCDDEF' } },
      });
      await bot.api('POST', '/api/work-orders', { subscriberLogin: 'solo', orderable: 'Line' });
      const phone = (await record('solo')).find((p) => p.type === 'Phone')!;
      expect((await bot.api('POST', `/api/products/${phone.id}/cancel`, {})).body.order.state).toBe('Completed');
      expect(await record('solo')).toEqual([]);
    });
  });
}
