import type { Prisma } from '../../prisma/generated/sqlite/client';
import { addDays } from '../../core/index';
import type { OrderSearch } from '../../core/index';
import { phoneDigits } from './subscriber.mapper';
import { searchText } from './work-order.mapper';

/** Matches no row: a criterion that cannot match anything (a phone with no digit, no domains). */
const NOTHING: Prisma.WorkOrderWhereInput = { id: { lt: 0 } };

/**
 * "Searching for an Order": every criterion is optional and they combine (AND).
 * Text criteria are case-insensitive substrings, matched on the lowercased copies the
 * repositories store (Prisma offers no case-insensitive mode on SQLite); the subscriber
 * criteria join through the subscriber the order was placed for.
 */
export function toSearchWhere(c: OrderSearch): Prisma.WorkOrderWhereInput {
  const and: Prisma.WorkOrderWhereInput[] = [];
  if (c.domains !== null) and.push(c.domains.length ? { domain: { in: c.domains } } : NOTHING);
  if (c.domain !== undefined) and.push({ domain: c.domain });
  if (c.orderNumber !== undefined) and.push({ number: c.orderNumber.trim().toUpperCase() });
  if (c.author !== undefined) {
    const author = searchText(c.author);
    and.push({ OR: [{ authorNameSearch: { contains: author } }, { authorEmailSearch: { contains: author } }] });
  }
  if (c.state !== undefined) and.push({ state: c.state });
  if (c.extendedStatus !== undefined) and.push({ extendedStatus: c.extendedStatus });
  if (c.kind !== undefined) and.push({ kind: c.kind });
  if (c.subscriberLogin !== undefined) and.push({ subscriberLogin: c.subscriberLogin.trim() });
  const subscriber = subscriberWhere(c);
  if (subscriber === null) and.push(NOTHING);
  else if (Object.keys(subscriber).length) and.push({ subscriber: { is: subscriber } });
  if (c.orderDate !== undefined) and.push({ createdAt: utcDayRange(c.orderDate) });
  if (c.requestedDeliveryDate !== undefined) and.push({ requestedDeliveryDate: c.requestedDeliveryDate });
  return { AND: and };
}

/** The subscriber criteria; null when one of them cannot match anything. */
function subscriberWhere(c: OrderSearch): Prisma.SubscriberWhereInput | null {
  const where: Prisma.SubscriberWhereInput = {};
  if (c.subscriberName !== undefined) where.nameSearch = { contains: searchText(c.subscriberName) };
  if (c.subscriberEmail !== undefined) where.emailSearch = { contains: searchText(c.subscriberEmail) };
  if (c.department !== undefined) where.deptSearch = { contains: searchText(c.department) };
  if (c.subscriberPhone !== undefined) {
    // Digits only on both sides: "(408) 555-0100" finds "+1 408 555 0100".
    const digits = phoneDigits(c.subscriberPhone);
    if (digits === '') return null;
    where.phoneDigits = { contains: digits };
  }
  return where;
}

/** "Order date": the UTC calendar day the order was created. */
function utcDayRange(day: string): Prisma.DateTimeFilter {
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime())) throw new Error(`orderDate must be YYYY-MM-DD, got ${day}`);
  return { gte: start, lt: addDays(start, 1) };
}

/** Newest first; the id breaks ties between orders created in the same millisecond. */
export const newestFirst: Prisma.WorkOrderOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];
