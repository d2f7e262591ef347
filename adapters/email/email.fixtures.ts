import type { AccessRequest, Order, OrderLine } from '../../core/index';

/** Core values for the email adapter's tests (unit and integration); not used at run time. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    number: 'ORD-1',
    subscriptionId: 'Sub-100',
    offer: 'A-Flex',
    domain: 'acme-partner.example',
    placedBy: { email: 'alice@acme-partner.example', name: 'Alice Placer' },
    requestedStartDate: '2026-11-20',
    createdAt: new Date('2026-11-01T09:00:00Z'),
    lines: [aLine({ lineNumber: 1, product: 'Webex Calling' }), aLine({ lineNumber: 2, product: 'Webex Meetings' })],
    ...overrides,
  };
}

export function aLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    lineNumber: 1,
    product: 'Webex Calling',
    status: 'Awaiting Provisioning Details',
    provisioningContactEmail: 'it@customer.example',
    provisioningEmailSentAt: null,
    windowEndsAt: null,
    closedAt: null,
    ponrAt: null,
    organizationId: null,
    provisionedAt: null,
    ...overrides,
  };
}

export function anAccessRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: 'req-1',
    orderNumber: 'ORD-1',
    domain: 'acme-partner.example',
    action: { kind: 'resend', lines: [2] },
    requester: { name: 'Bob Outsider', email: 'bob@other-partner.example', channel: 'slack', platformUserId: 'UBOB' },
    approver: { email: 'alice@acme-partner.example', name: 'Alice Placer' },
    status: 'Pending',
    decidedBy: null,
    decidedAt: null,
    outcome: null,
    createdAt: new Date('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

/** A request the placer approved by email. */
export function anApprovedRequest(outcome: AccessRequest['outcome'], overrides: Partial<AccessRequest> = {}): AccessRequest {
  return anAccessRequest({
    status: 'Approved',
    decidedBy: { name: 'Alice Placer', email: 'alice@acme-partner.example', channel: 'email' },
    decidedAt: new Date('2026-11-23T11:00:00Z'),
    outcome,
    ...overrides,
  });
}
