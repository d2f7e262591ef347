import type { ProductNote, Subscriber, SubscriberProduct } from '../subscribers/subscriber';

export interface SubscriberRepository {
  /** Creates or replaces the subscriber with this login. */
  upsert(subscriber: Subscriber): Promise<Subscriber>;
  findByLogin(login: string): Promise<Subscriber | null>;
  /** The subscriber's products, and shared phones on which they have a line. */
  listProducts(login: string): Promise<SubscriberProduct[]>;
  findProduct(productId: string): Promise<SubscriberProduct | null>;
  /** The products that hang on this one, whoever's record they are in, oldest first. */
  listAttachedTo(productId: string): Promise<SubscriberProduct[]>;
  addNote(productId: string, note: ProductNote): Promise<void>;
}
