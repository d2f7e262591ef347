import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import type { SubscriberProduct, SubscriberRepository, WorkOrderRepository } from '../../core/index';
import { aProduct, aSubscriber, aWorkOrder, at, placing } from '../integration/db/fixtures';

/**
 * What SubscriberRepository promises (core/ports/subscriber-repository.port.ts), through
 * the port only, so InMemorySubscribers and adapters/db run the same suite. Products reach
 * a record as the backend provisions them: with a workflow step of the same store.
 */
export interface SubscribersUnderTest {
  subscribers: SubscriberRepository;
  workOrders: WorkOrderRepository;
}

async function provision(s: SubscribersUnderTest, subscriberLogin: string, ...products: SubscriberProduct[]) {
  const order = aWorkOrder({ subscriberLogin, state: 'Completed', extendedStatus: null });
  expect(await s.workOrders.commit({ ...placing(order), products: { put: products, remove: [] } })).toBe(true);
}

export function describeSubscriberRepository(name: string, make: () => Promise<SubscribersUnderTest>) {
  describe(name, () => {
    it('creates a subscriber, finds it by login, and replaces it whole on a second upsert', async () => {
      const s = await make();
      const input = aSubscriber();
      expect(await s.subscribers.upsert(input)).toEqual(input);
      expect(await s.subscribers.findByLogin(input.login)).toEqual(input);
      const moved = { ...input, lastName: 'Smith-Jones', phoneNumber: null, department: null, email: 'ann.sj@customer.example' };
      expect(await s.subscribers.upsert(moved)).toEqual(moved);
      expect(await s.subscribers.findByLogin(input.login)).toEqual(moved);
      expect(await s.subscribers.findByLogin('nobody')).toBeNull();
    });

    it('lists a subscriber’s products in the order they were provisioned, attributes intact', async () => {
      const s = await make();
      const ann = await s.subscribers.upsert(aSubscriber());
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
      await provision(s, ann.login, phone, line, voicemail);
      expect(await s.subscribers.listProducts(ann.login)).toEqual([phone, line, voicemail]);
      expect(await s.subscribers.listProducts('nobody')).toEqual([]);
    });

    it('shows a shared phone in the record of each subscriber with a line on it, and nobody else’s phone', async () => {
      const s = await make();
      const owner = await s.subscribers.upsert(aSubscriber());
      const guest = await s.subscribers.upsert(aSubscriber({ firstName: 'Gus' }));
      const shared = aProduct(owner.login, { shared: true });
      const ownersLine = aProduct(owner.login, { type: 'Line', parentId: shared.id });
      const private_ = aProduct(owner.login);
      await provision(s, owner.login, shared, ownersLine, private_);
      // "Line on a Shared Phone": the guest's line hangs on the owner's shared phone;
      // a product hanging on a phone that is not shared does not bring the phone along.
      const guestsLine = aProduct(guest.login, { type: 'Line on a Shared Phone', parentId: shared.id });
      const stray = aProduct(guest.login, { type: 'Line', parentId: private_.id });
      await provision(s, guest.login, guestsLine, stray);
      expect(await s.subscribers.listProducts(guest.login)).toEqual([shared, guestsLine, stray]);
      expect(await s.subscribers.listProducts(owner.login)).toEqual([shared, ownersLine, private_]);
    });

    it('finds a product with its notes, oldest first, and adds notes', async () => {
      const s = await make();
      const ann = await s.subscribers.upsert(aSubscriber());
      const phone = aProduct(ann.login, {
        notes: [{ text: 'ordered for desk 4', author: 'Olive Orderer', at: at('2030-01-10T09:00:00Z') }],
      });
      await provision(s, ann.login, phone);
      await s.subscribers.addNote(phone.id, { text: 'desk 5 now', author: 'Ann Smith', at: at('2030-01-12T09:00:00.5Z') });
      await s.subscribers.addNote(phone.id, { text: 'earlier remark', author: 'Sam', at: at('2030-01-11T09:00:00Z') });
      expect(await s.subscribers.findProduct(phone.id)).toEqual({
        ...phone,
        notes: [
          { text: 'ordered for desk 4', author: 'Olive Orderer', at: at('2030-01-10T09:00:00Z') },
          { text: 'earlier remark', author: 'Sam', at: at('2030-01-11T09:00:00Z') },
          { text: 'desk 5 now', author: 'Ann Smith', at: at('2030-01-12T09:00:00.5Z') },
        ],
      });
      expect(await s.subscribers.findProduct('no-such-product')).toBeNull();
    });

    it('refuses a note on a product that is gone, as PRODUCT_NOT_FOUND', async () => {
      const s = await make();
      const err = await s.subscribers
        .addNote('no-such-product', { text: 'hello', author: 'Ann', at: at('2030-01-12T09:00:00Z') })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CoreError);
      expect(err).toMatchObject({ code: 'PRODUCT_NOT_FOUND', details: { productId: 'no-such-product' } });
    });

    it('drops a removed product with its notes, and moves a product to a new owner', async () => {
      const s = await make();
      const ann = await s.subscribers.upsert(aSubscriber());
      const bob = await s.subscribers.upsert(aSubscriber({ firstName: 'Bob' }));
      const phone = aProduct(ann.login);
      const email = aProduct(ann.login, {
        type: 'Email',
        attributes: { emailId: 'asmith' },
        notes: [{ text: 'alias asked for', author: 'Ann', at: at('2030-01-10T09:00:00Z') }],
      });
      await provision(s, ann.login, phone, email);
      const order = aWorkOrder({ subscriberLogin: ann.login, kind: 'Change', changeKind: 'Change Owner', newOwnerLogin: bob.login });
      const step = { ...placing(order), products: { put: [{ ...phone, subscriberLogin: bob.login }], remove: [email.id] } };
      expect(await s.workOrders.commit(step)).toBe(true);
      expect(await s.subscribers.listProducts(ann.login)).toEqual([]);
      expect(await s.subscribers.listProducts(bob.login)).toEqual([{ ...phone, subscriberLogin: bob.login }]);
      expect(await s.subscribers.findProduct(email.id)).toBeNull();
    });

    it('lists the products that hang on one, whoever’s record they are in, oldest first', async () => {
      const s = await make();
      const owner = await s.subscribers.upsert(aSubscriber());
      const guest = await s.subscribers.upsert(aSubscriber({ firstName: 'Gus' }));
      const shared = aProduct(owner.login, { shared: true });
      const ownersLine = aProduct(owner.login, { type: 'Line', parentId: shared.id });
      await provision(s, owner.login, shared, ownersLine);
      const guestsLine = aProduct(guest.login, { type: 'Line on a Shared Phone', parentId: shared.id });
      await provision(s, guest.login, guestsLine);
      expect(await s.subscribers.listAttachedTo(shared.id)).toEqual([ownersLine, guestsLine]);
      expect(await s.subscribers.listAttachedTo(guestsLine.id)).toEqual([]);
    });
  });
}
