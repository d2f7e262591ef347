import { randomBytes } from 'node:crypto';
import type { Activity, Order, OrderLine, Subscriber, SubscriberProduct, WorkflowChange, WorkOrder } from '../../../core/index';
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

// ---- The order workflow. Unique logins, numbers and ids: tests share one database.

export const unique = () => randomBytes(5).toString('hex');
export const DOMAIN = 'acme-partner.example';

export function aSubscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    login: `sub-${unique()}`,
    domain: DOMAIN,
    firstName: 'Ann',
    lastName: 'Smith',
    email: 'Ann.Smith@Customer.example',
    phoneNumber: '+1 (408) 555-0100',
    department: 'Finance',
    ...overrides,
  };
}

export function aWorkOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    number: `WO-T${unique().toUpperCase()}`,
    kind: 'Add',
    changeKind: null,
    orderable: 'Enhanced Phone Service',
    domain: DOMAIN,
    subscriberLogin: 'set-me',
    newOwnerLogin: null,
    author: { name: 'Olive Orderer', email: 'olive@acme-partner.example', channel: 'slack' },
    origin: 'chat',
    items: [
      {
        itemNumber: 1,
        type: 'Phone',
        attributes: { phoneType: 'Cisco 7961', deviceName: 'SEP00AABBCCDDEE' },
        productId: null,
        parentItemNumber: null,
        parentProductId: null,
      },
      {
        itemNumber: 2,
        type: 'Line',
        attributes: { lineType: 'Auto-assigned' },
        productId: null,
        parentItemNumber: 1,
        parentProductId: null,
      },
    ],
    state: 'Released',
    extendedStatus: 'Waiting for Approval',
    failure: null,
    requestedDeliveryDate: '2030-02-01',
    createdAt: at('2030-01-10T09:00:00.000Z'),
    updatedAt: at('2030-01-10T09:00:00.000Z'),
    version: 1,
    ...overrides,
  };
}

export function anActivity(orderNumber: string, overrides: Partial<Activity> = {}): Activity {
  return {
    id: `act-${unique()}`,
    orderNumber,
    domain: DOMAIN,
    kind: 'Approval',
    assignee: { kind: 'group', role: 'Approval' },
    status: 'Open',
    acceptedBy: null,
    decidedBy: null,
    decidedAt: null,
    macAddress: null,
    note: null,
    createdAt: at('2030-01-10T09:00:00.000Z'),
    version: 1,
    ...overrides,
  };
}

export function aProduct(subscriberLogin: string, overrides: Partial<SubscriberProduct> = {}): SubscriberProduct {
  return {
    id: `prod-${unique()}`,
    subscriberLogin,
    domain: DOMAIN,
    type: 'Phone',
    attributes: { phoneType: 'Cisco 7961', deviceName: 'SEP00AABBCCDDEE' },
    parentId: null,
    shared: false,
    openOrderNumber: null,
    notes: [],
    ...overrides,
  };
}

/** A new order with its first activity, as startWorkflow hands them to commit. */
export const placing = (order: WorkOrder, ...activities: Activity[]): WorkflowChange => ({
  order: { expectedVersion: null, next: order },
  activities: activities.map((next) => ({ expectedVersion: null, next })),
});
