import type { Activity, ActivityKind, Subscriber, WorkOrder } from '../../../core/index';
import { formatInstant } from './describe-request';
import type { ActivityLinks } from './describe-notice';
import { ACTION_LABEL, activityName, activityNeeded } from '../../presenters/activity-words';
import { formatMinutes } from '../../presenters/durations';
import { describeAssignee, WHERE_TO_ACT } from './describe-notice';
import { describeDecision, describeItem, describeSubscriber, describeWorkOrder, isActivityClosed, orderRows } from './describe-work-order';
import type { Block, EmailContent } from './email-layout';
import { buttons, composeEmail, fields, list, note, paragraph } from './email-layout';

export interface ActivityEmailInput {
  activity: Activity;
  order: WorkOrder;
  subscriber: Subscriber | null;
  /** The directory's name of the person it is assigned to (ActivityMessage.assigneeName). */
  assigneeName?: string | null;
  /** The address this copy goes to. */
  to: string;
  /**
   * Signed one-click links for this recipient, only for an open Approval sent to
   * someone in the directory: the link decides as them. Each opens a confirmation
   * page, so a mail scanner opening them decides nothing.
   */
  links: ActivityLinks | null;
  /** Set when the activity goes to the administrators because nobody acted on it in time. */
  escalatedAfterMinutes: number | null;
}

/**
 * What each activity asks of its assignee, from "Processing Orders": "Approve orders—
 * Approves orders before provisioning can occur, and can also reject orders",
 * "Assignment—Assigns MAC address to a phone", "Shipping—Ships the order",
 * "Receiving—... Indicates that an ordered phone has been received."
 */
const TASK: Record<ActivityKind, string> = {
  Approval: 'approve or reject',
  Assignment: 'assign a phone (enter its MAC address) for',
  Shipping: 'ship the phone of',
  Receiving: 'confirm receipt of the phone of',
};

const STEPS: Record<ActivityKind, string[]> = {
  Approval: ['Approve or reject the order.'],
  // "type a hexadecimal value ... The value must be 12 characters in length. ... The MAC
  // address is available on a sticker on the phone set" (Shipping Phones, Step 4).
  Assignment: [
    `Press ${ACTION_LABEL.accept}.`,
    "Enter the phone's MAC address: 12 hexadecimal characters, found on a sticker on the phone and in the phone's settings display.",
    `Press ${ACTION_LABEL.complete}.`,
  ],
  Shipping: [`Press ${ACTION_LABEL.accept}.`, 'Ship the phone to the subscriber.', `Press ${ACTION_LABEL.complete}.`],
  Receiving: [`Press ${ACTION_LABEL.accept}.`, 'Check that the ordered phone has been received.', `Press ${ACTION_LABEL.complete}.`],
};

/** One email to one address about one activity. */
export function activityEmail(input: ActivityEmailInput): EmailContent {
  const { activity, order, subscriber, assigneeName, escalatedAfterMinutes } = input;
  const who = describeSubscriber(subscriber, order.subscriberLogin);
  const subject = `${escalatedAfterMinutes !== null ? 'Escalated: ' : ''}${activityNeeded(activity.kind)}: order ${order.number} (${describeWorkOrder(order)} for ${who})`;
  const blocks: Block[] = [
    paragraph('Hello,'),
    ...(escalatedAfterMinutes !== null ? [escalationBlock(activity, escalatedAfterMinutes)] : []),
    paragraph(`Please ${TASK[activity.kind]} order ${order.number}: ${describeWorkOrder(order)} for ${who}.`),
    paragraph(`This ${activityName(activity.kind)} is assigned to ${describeAssignee(activity, input.to, assigneeName)}.`),
    fields(orderRows(order, subscriber)),
    paragraph('Ordered items:'),
    list(order.items.map((item) => [describeItem(item)])),
    ...actionBlocks(input),
  ];
  return composeEmail(subject, blocks);
}

/**
 * "an email to the system administrators after the time specified if no action was
 * taken for the triggering event" (Configuring a Domain Notification Template, Step 6).
 */
function escalationBlock(activity: Activity, minutes: number): Block {
  return paragraph(
    `Nobody acted on this ${activityName(activity.kind)} within ${formatMinutes(minutes)}, the escalation window of ${activity.domain}, `,
    'so it is escalated to the administrators.',
  );
}

function actionBlocks(input: ActivityEmailInput): Block[] {
  const { activity, links } = input;
  // Rendered when sent: a copy sent after someone decided says so instead of asking.
  if (isActivityClosed(activity)) return [paragraph(`${describeDecision(activity)}. Nothing more is needed.`)];
  if (activity.kind === 'Approval' && links) return approvalBlocks(links);
  return [
    paragraph(`What to do, ${WHERE_TO_ACT}:`),
    list(STEPS[activity.kind].map((s) => [s])),
    note(
      links === null && activity.kind === 'Approval'
        ? "This copy has no links to act on: only people in provbot's directory get them, each in the copy sent to their own address."
        : `If you cannot do it, press ${ACTION_LABEL.decline} (it goes back to its group) or ${ACTION_LABEL.delegate} (to someone else) in the same place. This email has no links to act on.`,
    ),
  ];
}

function approvalBlocks(links: ActivityLinks): Block[] {
  return [
    // "If an order is rejected, the order status is set to Cancel in the subscriber record,
    // and no provisioning is performed" (Approving Orders).
    paragraph(
      'If you approve, provbot releases the order for provisioning. If you reject it, ',
      'it is cancelled and nothing is provisioned; you can give a reason on the page the link opens. Either way the subscriber is told by email.',
    ),
    buttons([
      { label: ACTION_LABEL.approve, href: links.approveUrl },
      { label: ACTION_LABEL.reject, href: links.declineUrl },
    ]),
    note(
      'Each link opens a page that asks you to confirm; nothing happens until you press its button. ',
      `The links work until ${formatInstant(links.expiresAt)}, and only while the order is as described here. `,
      `You can also answer ${WHERE_TO_ACT}: the first answer counts.`,
    ),
  ];
}
