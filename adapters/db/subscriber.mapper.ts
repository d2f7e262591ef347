import type { ProductNote, ProductType, Subscriber, SubscriberProduct } from '../../core/index';
import type {
  Prisma,
  ProductNote as NoteRow,
  Subscriber as SubscriberRow,
  SubscriberProduct as ProductRow,
} from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';
import { searchText } from './work-order.mapper';

export type ProductWithNotes = ProductRow & { notes: NoteRow[] };

/** Notes oldest first, as they were written. */
export const withNotes = { notes: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } satisfies Prisma.SubscriberProductInclude;

export function toSubscriber(row: SubscriberRow): Subscriber {
  return {
    login: row.login,
    domain: row.domain,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phoneNumber: row.phoneNumber,
    department: row.department,
  };
}

/** The columns of a subscriber, search copies included ("Searching for an Order"). */
export function toSubscriberData(s: Subscriber): Omit<Prisma.SubscriberCreateInput, 'login'> {
  return {
    domain: s.domain,
    firstName: s.firstName,
    lastName: s.lastName,
    email: s.email,
    phoneNumber: s.phoneNumber,
    department: s.department,
    // "First or last name": both in one column, so "ann smith" finds Ann Smith too.
    nameSearch: searchText(`${s.firstName} ${s.lastName}`),
    emailSearch: searchText(s.email),
    phoneDigits: s.phoneNumber === null ? null : phoneDigits(s.phoneNumber),
    deptSearch: s.department === null ? null : searchText(s.department),
  };
}

export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

export function toProduct(row: ProductWithNotes): SubscriberProduct {
  return {
    id: row.id,
    subscriberLogin: row.subscriberLogin,
    domain: row.domain,
    // Only this adapter writes the column, always from a ProductType.
    type: row.type as ProductType,
    attributes: fromJsonText<Record<string, string>>(row.attributes),
    parentId: row.parentId,
    shared: row.shared,
    openOrderNumber: row.openOrderNumber,
    notes: row.notes.map(toNote),
  };
}

export const toNote = (row: NoteRow): ProductNote => ({ text: row.text, author: row.author, at: row.at });

/** Every column of a product but its id and notes (notes are only ever appended: addNote). */
export function toProductData(p: SubscriberProduct): Omit<Prisma.SubscriberProductUncheckedCreateInput, 'id' | 'notes'> {
  return {
    subscriberLogin: p.subscriberLogin,
    domain: p.domain,
    type: p.type,
    attributes: toJsonText(p.attributes),
    parentId: p.parentId,
    shared: p.shared,
    openOrderNumber: p.openOrderNumber,
  };
}
