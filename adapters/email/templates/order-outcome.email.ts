import type { Activity, Subscriber, WorkOrder } from '../../../core/index';
import { formatInstant } from './describe-request';
import { describeItem, describeWorkOrder } from './describe-work-order';
import type { EmailContent } from './email-layout';
import { composeEmail, fields, list, note, paragraph } from './email-layout';

export interface OrderOutcomeEmailInput {
  order: WorkOrder;
  subscriber: Subscriber;
  outcome: 'provisioned' | 'rejected';
  /** The Approval that decided the order, when the core passes it: names who rejected it and when. */
  approval?: Activity | null;
}

/**
 * "After an order is approved or rejected, an email is sent to the subscriber for whom
 * the order was placed" (Approving Orders): the seed's OrderProvisionedEmailTemplate and
 * OrderRejectedEmailTemplate, "sent to the email account configured for the subscriber".
 */
export function orderOutcomeEmail(input: OrderOutcomeEmailInput): EmailContent {
  return input.outcome === 'provisioned' ? provisionedEmail(input) : rejectedEmail(input);
}

/** What provisioning did, by order kind: an Add sets products up, a Cancel removes them. */
const DONE: Record<WorkOrder['kind'], string> = {
  Add: 'set up for you',
  Change: 'changed',
  Cancel: 'removed',
};

function provisionedEmail({ order, subscriber }: OrderOutcomeEmailInput): EmailContent {
  return composeEmail(`Order ${order.number} is complete: ${describeWorkOrder(order)}`, [
    paragraph(`Hello ${subscriber.firstName} ${subscriber.lastName},`),
    paragraph(`Order ${order.number} (${describeWorkOrder(order)}) is complete. These products were ${DONE[order.kind]}:`),
    list(order.items.map((item) => [describeItem(item)])),
    fields(summary(order)),
    ...placerNote(order),
  ]);
}

/**
 * "If an order is rejected, the order status is set to Cancel in the subscriber record,
 * and no provisioning is performed" (Approving Orders).
 */
function rejectedEmail({ order, subscriber, approval }: OrderOutcomeEmailInput): EmailContent {
  const by = approval?.decidedBy ? ` by ${approval.decidedBy.name}` : '';
  const at = approval?.decidedAt ? ` on ${formatInstant(approval.decidedAt)}` : '';
  const why = approval?.note ? [paragraph(`Reason given: ${approval.note}`)] : [];
  return composeEmail(`Order ${order.number} was rejected: ${describeWorkOrder(order)}`, [
    paragraph(`Hello ${subscriber.firstName} ${subscriber.lastName},`),
    paragraph(`Order ${order.number} (${describeWorkOrder(order)}) was rejected${by}${at}.`),
    ...why,
    paragraph(`Nothing was provisioned: the order is cancelled, and none of these products were ${DONE[order.kind]}:`),
    list(order.items.map((item) => [describeItem(item)])),
    fields(summary(order)),
    ...placerNote(order),
  ]);
}

function summary(order: WorkOrder): [string, string][] {
  return [
    ['Order number', order.number],
    ['Placed by', order.author.name],
    ['Placed at', formatInstant(order.createdAt)],
    ['Status', order.state],
  ];
}

/** Orders from the API or a batch have no person to ask; the summary still names their source. */
function placerNote(order: WorkOrder) {
  if (!order.author.email) return [];
  return [note(`Questions about this order? Contact ${order.author.name} (${order.author.email}), who placed it.`)];
}
