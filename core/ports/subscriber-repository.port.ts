import type { ProductNote, Subscriber, SubscriberProduct } from '../subscribers/subscriber';

export interface SubscriberRepository {
  /** Creates or replaces the subscriber with this login. */
  upsert(subscriber: Subscriber): Promise<Subscriber>;
  findByLogin(login: string): Promise<Subscriber | null>;
  /** The subscriber's products, and shared phones on which they have a line. */
  listProducts(login: string): Promise<SubscriberProduct[]>;
  findProduct(productId: string): Promise<SubscriberProduct | null>;
  addNote(productId: string, note: ProductNote): Promise<void>;
}
