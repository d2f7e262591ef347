import { expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import type { SubscriberProduct } from '../../../core/index';
import { aProduct, aSubscriber, aWorkOrder, at, placing } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

for (const target of TARGETS) {
  describeOn(target, 'SubscriberRepository', () => {
    const fresh = useFreshDatabase(target);
    const subscribers = () => fresh.db.subscribers;

    /** Products reach the record as the backend provisions them: with a workflow step. */
    async function provision(subscriberLogin: string, ...products: SubscriberProduct[]) {
      const order = aWorkOrder({ subscriberLogin, state: 'Completed', extendedStatus: null });
      expect(await fresh.db.workOrders.commit({ ...placing(order), products: { put: products, remove: [] } })).toBe(true);
    }

    it('creates a subscriber, finds it by login, and replaces it whole on a second upsert', async () => {
      const input = aSubscriber();
      expect(await subscribers().upsert(input)).toEqual(input);
      expect(await subscribers().findByLogin(input.login)).toEqual(input);
      const moved = { ...input, lastName: 'Smith-Jones', phoneNumber: null, department: null, email: 'ann.sj@customer.example' };
      expect(await subscribers().upsert(moved)).toEqual(moved);
      expect(await subscribers().findByLogin(input.login)).toEqual(moved);
      expect(await subscribers().findByLogin('nobody')).toBeNull();
    });

    it('lists a subscriber’s products in the order they were provisioned, attributes intact', async () => {
      const ann = await subscribers().upsert(aSubscriber());
      const phone = aProduct(ann.login, {
        attributes: { phoneType: 'Cisco 7961', deviceName: 'SEP00AABBCCDDEE', macAddress: '00AABBCCDDEE' },
      });
      const line = aProduct(ann.login, {
        type: 'Line',
        parentId: phone.id,
        attributes: { lineType: 'Chosen Line', directoryNumber: '4001' },
      });
      const voicemail = aProduct(ann.login, {
        type: 'Voicemail',
        parentId: line.id,
        attributes: { alias: 'asmith' },
        openOrderNumber: 'WO-000042',
      });
      await provision(ann.login, phone, line, voicemail);
      expect(await subscribers().listProducts(ann.login)).toEqual([phone, line, voicemail]);
      expect(await subscribers().listProducts('nobody')).toEqual([]);
    });

    it('shows a shared phone in the record of each subscriber with a line on it, and nobody else’s phone', async () => {
      const owner = await subscribers().upsert(aSubscriber());
      const guest = await subscribers().upsert(aSubscriber({ firstName: 'Gus' }));
      const shared = aProduct(owner.login, { shared: true });
      const ownersLine = aProduct(owner.login, { type: 'Line', parentId: shared.id });
      const private_ = aProduct(owner.login);
      await provision(owner.login, shared, ownersLine, private_);
      // "Line on a Shared Phone": the guest's line hangs on the owner's shared phone;
      // a product hanging on a phone that is not shared does not bring the phone along.
      const guestsLine = aProduct(guest.login, { type: 'Line on a Shared Phone', parentId: shared.id });
      const stray = aProduct(guest.login, { type: 'Line', parentId: private_.id });
      await provision(guest.login, guestsLine, stray);
      expect(await subscribers().listProducts(guest.login)).toEqual([shared, guestsLine, stray]);
      expect(await subscribers().listProducts(owner.login)).toEqual([shared, ownersLine, private_]);
    });

    it('finds a product with its notes, oldest first, and adds notes', async () => {
      const ann = await subscribers().upsert(aSubscriber());
      const phone = aProduct(ann.login, {
        notes: [{ text: 'ordered for desk 4', author: 'Olive Orderer', at: at('2030-01-10T09:00:00Z') }],
      });
      await provision(ann.login, phone);
      await subscribers().addNote(phone.id, { text: 'desk 5 now', author: 'Ann Smith', at: at('2030-01-12T09:00:00.5Z') });
      await subscribers().addNote(phone.id, { text: 'earlier remark', author: 'Sam', at: at('2030-01-11T09:00:00Z') });
      expect(await subscribers().findProduct(phone.id)).toEqual({
        ...phone,
        notes: [
          { text: 'ordered for desk 4', author: 'Olive Orderer', at: at('2030-01-10T09:00:00Z') },
          { text: 'earlier remark', author: 'Sam', at: at('2030-01-11T09:00:00Z') },
          { text: 'desk 5 now', author: 'Ann Smith', at: at('2030-01-12T09:00:00.5Z') },
        ],
      });
      expect(await subscribers().findProduct('no-such-product')).toBeNull();
    });

    it('refuses a note on a product that is gone, as PRODUCT_NOT_FOUND', async () => {
      const err = await subscribers()
        .addNote('no-such-product', { text: 'hello', author: 'Ann', at: at('2030-01-12T09:00:00Z') })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CoreError);
      expect(err).toMatchObject({ code: 'PRODUCT_NOT_FOUND', details: { productId: 'no-such-product' } });
    });

    it('drops a removed product with its notes, and moves a product to a new owner', async () => {
      const ann = await subscribers().upsert(aSubscriber());
      const bob = await subscribers().upsert(aSubscriber({ firstName: 'Bob' }));
      const phone = aProduct(ann.login);
      const email = aProduct(ann.login, {
        type: 'Email',
        attributes: { emailId: 'asmith' },
        notes: [{ text: 'alias asked for', author: 'Ann', at: at('2030-01-10T09:00:00Z') }],
      });
      await provision(ann.login, phone, email);
      const order = aWorkOrder({ subscriberLogin: ann.login, kind: 'Change', changeKind: 'Change Owner', newOwnerLogin: bob.login });
      const step = { ...placing(order), products: { put: [{ ...phone, subscriberLogin: bob.login }], remove: [email.id] } };
      expect(await fresh.db.workOrders.commit(step)).toBe(true);
      expect(await subscribers().listProducts(ann.login)).toEqual([]);
      expect(await subscribers().listProducts(bob.login)).toEqual([{ ...phone, subscriberLogin: bob.login }]);
      expect(await subscribers().findProduct(email.id)).toBeNull();
    });
  });
}
