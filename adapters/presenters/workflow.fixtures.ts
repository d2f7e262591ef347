import type { Activity, ActivityView, Actor, Subscriber, SubscriberProduct, WorkOrder } from '../../core/index';

/**
 * Work-order values built by hand for presenter and parser tests, so they need no core:
 * override what a test is about.
 */
export function aWorkOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    number: 'WO-000123',
    kind: 'Add',
    changeKind: null,
    orderable: 'Enhanced Phone Service',
    domain: 'acme.example',
    subscriberLogin: 'jdoe',
    newOwnerLogin: null,
    author: { name: 'Olivia Orderer', email: 'olivia@acme.example', channel: 'slack' },
    origin: 'chat',
    items: [
      { itemNumber: 1, type: 'Phone', attributes: { phoneType: '7945' }, productId: null, parentItemNumber: null, parentProductId: null },
      { itemNumber: 2, type: 'Line', attributes: { lineType: 'Chosen Line', directoryNumber: '5001' }, productId: null, parentItemNumber: 1, parentProductId: null },
      { itemNumber: 3, type: 'Voicemail', attributes: {}, productId: null, parentItemNumber: 2, parentProductId: null },
    ],
    state: 'Released',
    extendedStatus: 'Waiting for Approval',
    failure: null,
    requestedDeliveryDate: '2026-12-01',
    createdAt: new Date('2026-11-23T10:00:00Z'),
    updatedAt: new Date('2026-11-23T10:00:00Z'),
    version: 4,
    ...overrides,
  };
}

export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act-1',
    orderNumber: 'WO-000123',
    domain: 'acme.example',
    kind: 'Approval',
    assignee: { kind: 'group', role: 'Approval' },
    status: 'Open',
    acceptedBy: null,
    decidedBy: null,
    decidedAt: null,
    macAddress: null,
    note: null,
    createdAt: new Date('2026-11-23T10:00:00Z'),
    version: 1,
    ...overrides,
  };
}

export function aSubscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    login: 'jdoe',
    domain: 'acme.example',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane.doe@acme.example',
    phoneNumber: '+1 555 0100',
    department: 'Sales',
    ...overrides,
  };
}

export function aProduct(overrides: Partial<SubscriberProduct> = {}): SubscriberProduct {
  return {
    id: 'prod-phone',
    subscriberLogin: 'jdoe',
    domain: 'acme.example',
    type: 'Phone',
    attributes: { phoneType: '7945', macAddress: '00AABBCCDDEE' },
    parentId: null,
    shared: false,
    openOrderNumber: null,
    notes: [],
    ...overrides,
  };
}

export function anActivityView(overrides: Partial<ActivityView> = {}): ActivityView {
  return { activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), allowed: ['accept', 'approve', 'reject', 'delegate'], ...overrides };
}

export const APPROVER: Actor = {
  channel: 'slack',
  name: 'Alice Approver',
  email: 'alice@acme.example',
  platformUserId: 'UALICE',
  user: { id: 'u-alice', email: 'alice@acme.example', name: 'Alice Approver', slackUserId: 'UALICE', teamsUserId: null, roles: [{ role: 'Approval', domain: 'acme.example' }] },
};
