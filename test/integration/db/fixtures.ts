import { randomBytes } from 'node:crypto';
import type { Order, OrderLine } from '../../../core/index';

/** Order numbers unique across tests sharing a database. */
export const uniqueOrderNumber = () => `ORD-${randomBytes(5).toString('hex').toUpperCase()}`;

export function orderLine(lineNumber: number, state: Partial<OrderLine> = {}): OrderLine {
  return {
    lineNumber,
    product: `Product ${lineNumber}`,
    status: 'Awaiting Provisioning Details',
    provisioningContactEmail: 'it@customer.example',
    provisioningEmailSentAt: null,
    windowEndsAt: null,
    closedAt: null,
    ponrAt: null,
    organizationId: null,
    provisionedAt: null,
    ...state,
  };
}

export function newOrder(overrides: Partial<Order> = {}): Order {
  return {
    number: uniqueOrderNumber(),
    subscriptionId: 'Sub-100',
    offer: 'A-Flex',
    domain: 'acme-partner.example',
    placedBy: { email: 'alice@acme-partner.example', name: 'Alice Placer' },
    requestedStartDate: '2030-01-15',
    createdAt: new Date('2030-01-01T08:00:00.123Z'),
    lines: [orderLine(1), orderLine(2)],
    ...overrides,
  };
}

export const at = (iso: string) => new Date(iso);
