import { randomBytes } from 'node:crypto';
import type { Order, OrderLine } from '../../../core/index';
import { aLine, anOrder } from '../../fixtures/core-values';

/** Order numbers unique across tests sharing a database. */
export const uniqueOrderNumber = () => `ORD-${randomBytes(5).toString('hex').toUpperCase()}`;

export function orderLine(lineNumber: number, state: Partial<OrderLine> = {}): OrderLine {
  return aLine({ lineNumber, product: `Product ${lineNumber}`, ...state });
}

/** Dates in 2030 and a unique number: tests share one database and its clock-free queries. */
export function newOrder(overrides: Partial<Order> = {}): Order {
  return anOrder({
    number: uniqueOrderNumber(),
    requestedStartDate: '2030-01-15',
    createdAt: new Date('2030-01-01T08:00:00.123Z'),
    lines: [orderLine(1), orderLine(2)],
    ...overrides,
  });
}

export const at = (iso: string) => new Date(iso);
