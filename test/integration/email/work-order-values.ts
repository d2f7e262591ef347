import type { Activity, ActivityView, DirectoryUser, Subscriber, WorkOrder } from '../../../core/index';

/**
 * Work-order values for the email templates' and link pages' tests; override what a
 * test is about. (Candidates for test/fixtures/core-values.ts once the order workflow
 * has landed; kept here so the email work touches only its own files.)
 */
export function aWorkOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    number: 'WO-000001',
    kind: 'Add',
    changeKind: null,
    orderable: 'Enhanced Phone Service',
    domain: 'acme.example',
    subscriberLogin: 'jdoe',
    newOwnerLogin: null,
    author: { name: 'Olivia Orderer', email: 'olivia@acme.example', channel: 'slack' },
    origin: 'chat',
    items: [
      { itemNumber: 1, type: 'Phone', attributes: { phoneType: '7945', deviceName: 'SEP001122334455', macAddress: '001122334455' }, productId: null, parentItemNumber: null, parentProductId: null },
      { itemNumber: 2, type: 'Line', attributes: { lineType: 'Chosen Line', directoryNumber: '4001', displayName: 'Jane Doe' }, productId: null, parentItemNumber: 1, parentProductId: null },
      { itemNumber: 3, type: 'Voicemail', attributes: { alias: 'jdoe', displayName: 'Jane Doe' }, productId: null, parentItemNumber: 2, parentProductId: null },
    ],
    state: 'Released',
    extendedStatus: 'Waiting for Approval',
    failure: null,
    requestedDeliveryDate: null,
    createdAt: new Date('2026-11-23T09:00:00Z'),
    updatedAt: new Date('2026-11-23T09:00:00Z'),
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
    phoneNumber: null,
    department: null,
    ...overrides,
  };
}

export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act-1',
    orderNumber: 'WO-000001',
    domain: 'acme.example',
    kind: 'Approval',
    assignee: { kind: 'group', role: 'Approval' },
    status: 'Open',
    acceptedBy: null,
    decidedBy: null,
    decidedAt: null,
    macAddress: null,
    note: null,
    createdAt: new Date('2026-11-23T09:00:00Z'),
    version: 1,
    ...overrides,
  };
}

export function anApprover(overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: 'u-carol',
    email: 'carol@acme.example',
    name: 'Carol Approver',
    slackUserId: null,
    teamsUserId: null,
    roles: [{ role: 'Approval', domain: 'acme.example' }],
    ...overrides,
  };
}

export function anActivityView(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    activity: anActivity(),
    order: aWorkOrder(),
    subscriber: aSubscriber(),
    allowed: ['accept', 'approve', 'reject', 'decline', 'delegate'],
    ...overrides,
  };
}
