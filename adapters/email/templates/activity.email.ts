import type { Activity, ActivityKind, DirectoryUser, Subscriber, WorkOrder } from '../../../core/index';
import { formatInstant } from './describe-request';
import { describeItem, describeSubscriber, describeWorkOrder, orderRows } from './describe-work-order';
import type { Block, EmailContent } from './email-layout';
import { buttons, composeEmail, fields, list, note, paragraph } from './email-layout';

export interface ActivityEmailInput {
  activity: Activity;
  order: WorkOrder;
  subscriber: Subscriber | null;
  recipient: DirectoryUser;
  /**
   * Approval only: signed one-click links for this recipient. Each opens a confirmation
   * page, so a mail scanner opening them decides nothing.
   */
  links?: { approveUrl: string; declineUrl: string; expiresAt: Date };
}

/**
 * What each activity asks of its assignee, from "Processing Orders": "Approve orders—
 * Approves orders before provisioning can occur, and can also reject orders",
 * "Assignment—Assigns MAC address to a phone", "Shipping—Ships the order",
 * "Receiving—... Indicates that an ordered phone has been received."
 */
const ASK: Record<ActivityKind, { subject: string; task: string }> = {
  Approval: { subject: 'Approval needed', task: 'approve or reject' },
  Assignment: { subject: 'Phone assignment needed', task: 'assign a phone (enter its MAC address) for' },
  Shipping: { subject: 'Shipping needed', task: 'ship the phone of' },
  Receiving: { subject: 'Receipt needed', task: 'confirm receipt of the phone of' },
};

const STEPS: Record<Exclude<ActivityKind, 'Approval'>, string[]> = {
  // "type a hexadecimal value ... The value must be 12 characters in length. ... The MAC
  // address is available on a sticker on the phone set" (Shipping Phones, Step 4).
  Assignment: [
    'Accept the activity.',
    "Enter the phone's MAC address: 12 hexadecimal characters, found on a sticker on the phone and in the phone's settings display.",
    'Mark the step complete.',
  ],
  Shipping: ['Accept the activity.', 'Ship the phone to the subscriber.', 'Mark the step complete.'],
  Receiving: ['Accept the activity.', 'Check that the ordered phone has been received.', 'Mark the step complete.'],
};

/** One email to one recipient of a new activity. */
export function activityEmail(input: ActivityEmailInput): EmailContent {
  const { activity, order, subscriber, recipient } = input;
  const ask = ASK[activity.kind];
  const who = describeSubscriber(subscriber, order.subscriberLogin);
  const subject = `${ask.subject}: order ${order.number} (${describeWorkOrder(order)} for ${who})`;
  const blocks: Block[] = [
    paragraph(`Hello ${recipient.name},`),
    paragraph(`Please ${ask.task} order ${order.number}: ${describeWorkOrder(order)} for ${who}.`),
    paragraph(assignedTo(activity, recipient)),
    fields(orderRows(order, subscriber)),
    paragraph('Ordered items:'),
    list(order.items.map((item) => [describeItem(item)])),
    ...(activity.kind === 'Approval' && input.links ? approvalBlocks(input.links) : chatBlocks(activity.kind)),
  ];
  return composeEmail(subject, blocks);
}

function assignedTo(activity: Activity, recipient: DirectoryUser): string {
  if (activity.assignee.kind === 'user') return `This ${activity.kind.toLowerCase()} activity is assigned to you.`;
  return (
    `This ${activity.kind.toLowerCase()} activity is assigned to the ${activity.assignee.role} group of ${activity.domain}, ` +
    `which includes you (${recipient.email}). The first member to act on it takes it.`
  );
}

function approvalBlocks(links: NonNullable<ActivityEmailInput['links']>): Block[] {
  return [
    // "If an order is rejected, the order status is set to Cancel in the subscriber record,
    // and no provisioning is performed" (Approving Orders).
    paragraph(
      'If you approve, provbot releases the order for provisioning. If you decline, the order is rejected: ',
      'it is cancelled and nothing is provisioned. Either way the subscriber is told by email.',
    ),
    buttons([
      { label: 'Approve', href: links.approveUrl },
      { label: 'Decline', href: links.declineUrl },
    ]),
    note(
      'Each link opens a page that asks you to confirm; nothing happens until you press its button. ',
      `The links work until ${formatInstant(links.expiresAt)}, and only while the order is as described here. `,
      'You can also answer in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot): the first answer counts.',
    ),
  ];
}

function chatBlocks(kind: ActivityKind): Block[] {
  const steps = kind === 'Approval' ? ['Approve or reject the order.'] : STEPS[kind];
  return [
    paragraph('What to do, in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot):'),
    list(steps.map((s) => [s])),
    note('If you cannot do it, decline the activity or delegate it to someone else from the same place. This email has no links to act on.'),
  ];
}
