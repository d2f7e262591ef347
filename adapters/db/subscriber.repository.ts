import { CoreError } from '../../core/index';
import type { SubscriberRepository } from '../../core/index';
import type { DbClient } from './prisma-client';
import { toProduct, toSubscriber, toSubscriberData, withNotes } from './subscriber.mapper';

export function createSubscriberRepository(db: DbClient): SubscriberRepository {
  return {
    async upsert(subscriber) {
      const data = toSubscriberData(subscriber);
      const row = await db.subscriber.upsert({
        where: { login: subscriber.login },
        create: { login: subscriber.login, ...data },
        update: data,
      });
      return toSubscriber(row);
    },

    async findByLogin(login) {
      const row = await db.subscriber.findUnique({ where: { login } });
      return row ? toSubscriber(row) : null;
    },

    async listProducts(login) {
      // "Line on a Shared Phone": the phone belongs to another subscriber, yet it is
      // part of this record, as the parent of one of this subscriber's lines.
      const parents = await db.subscriberProduct.findMany({
        where: { subscriberLogin: login, parentId: { not: null } },
        select: { parentId: true },
      });
      const sharedParents = parents.flatMap((p) => (p.parentId === null ? [] : [p.parentId]));
      const rows = await db.subscriberProduct.findMany({
        where: { OR: [{ subscriberLogin: login }, { shared: true, id: { in: sharedParents } }] },
        include: withNotes,
        orderBy: { seq: 'asc' },
      });
      return rows.map(toProduct);
    },

    async findProduct(productId) {
      const row = await db.subscriberProduct.findUnique({ where: { id: productId }, include: withNotes });
      return row ? toProduct(row) : null;
    },

    async listAttachedTo(productId) {
      const rows = await db.subscriberProduct.findMany({ where: { parentId: productId }, include: withNotes, orderBy: { seq: 'asc' } });
      return rows.map(toProduct);
    },

    async addNote(productId, note) {
      try {
        await db.productNote.create({ data: { productId, text: note.text, author: note.author, at: note.at } });
      } catch (err) {
        // The product was cancelled (and its notes with it) since the caller looked it up.
        if ((err as { code?: unknown } | null)?.code === 'P2003') throw new CoreError('PRODUCT_NOT_FOUND', { productId });
        throw err;
      }
    },
  };
}
