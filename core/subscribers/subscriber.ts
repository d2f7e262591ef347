import type { ProductType } from '../catalog/catalog';

/**
 * A subscriber and their record ("Accessing a Subscriber Record"): the products they
 * have, the orders against them, and notes on each product.
 */
export interface Subscriber {
  login: string;
  domain: string;
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string | null;
  department: string | null;
}

export interface ProductNote {
  text: string;
  author: string;
  at: Date;
}

/** A product in a subscriber record, as provisioned by the backend. */
export interface SubscriberProduct {
  id: string;
  subscriberLogin: string;
  domain: string;
  type: ProductType;
  /** Validated per product type (catalog attribute schemas). */
  attributes: Record<string, string>;
  /** The product this one hangs on: a Line's Phone, a Voicemail's Line, an Email's Line. */
  parentId: string | null;
  /** A phone with lines of several subscribers ("Line on a Shared Phone"). */
  shared: boolean;
  /** "an information icon (i) ... indicates that the product has an order running against it" */
  openOrderNumber: string | null;
  notes: ProductNote[];
}

export interface SubscriberRecord {
  subscriber: Subscriber;
  products: SubscriberProduct[];
  orders: { number: string; kind: string; state: string; extendedStatus: string | null; createdAt: Date }[];
}
