import type { ActivityAction, ActivityActed } from '../../core/index';
import { activityName } from './activity-words';
import type { View } from './view';
import { assigneeText, describeOrder, failureParagraphs, orderTone, progressSentence, stateText } from './work-order-text';

/**
 * The clicker's confirmation. Every posted copy of the activity is updated in place by
 * the core; this is the answer to the person who clicked, in words about what they did
 * and what happens next. `action` is what the button asked for; without it the
 * activity's new status says.
 */
export function presentActivityActed(acted: ActivityActed, action?: ActivityAction['kind'], options: { prefix?: string } = {}): View {
  const { activity, order } = acted;
  const step = `the ${activityName(activity.kind)} of ${order.number}`;
  const kind = action ?? inferred(activity.status, activity.kind);
  const done = doneSentence(acted, kind, step);
  // Declining or delegating hands the same step on; anything else moves the order.
  const handedOn = kind === 'decline' || kind === 'delegate' || kind === null;
  // The core names the first opened step's person (assigneeName), the one a card shows next.
  const next = acted.opened.map(
    (a, i) => `Next: ${a.kind.toLowerCase()}, assigned to ${assigneeText(a.assignee, a.domain, i === 0 ? acted.assigneeName : null)}.`,
  );
  const progress = handedOn ? [] : next.length > 0 ? next : [progressSentence(order, [])].filter((s): s is string => s !== null);
  return {
    title: done.title,
    tone: activity.status === 'Rejected' ? 'warning' : order.failure ? orderTone(order) : 'success',
    paragraphs: [`${describeOrder(order)}.`, ...done.lines, ...progress, ...failureParagraphs(order, options.prefix ?? '')],
    fields: [
      { label: 'Order', value: order.number },
      { label: 'Status', value: stateText(order) },
    ],
  };
}

function doneSentence(
  { activity, opened, assigneeName }: ActivityActed,
  kind: ActivityAction['kind'] | null,
  step: string,
): { title: string; lines: string[] } {
  // A delegation may open a copy for the new assignee rather than reassign this one.
  const holder = opened[0] ?? activity;
  // "Anna Admin (anna@acme.example)": a person by name, their address beside it.
  const to = assigneeText(holder.assignee, holder.domain, assigneeName);
  switch (kind) {
    case 'accept':
      return {
        title: `You accepted ${step}`,
        lines: [`It is yours now: ${activity.kind === 'Approval' ? 'approve or reject it' : 'complete it'} when you are ready.`],
      };
    case 'approve':
      return { title: `You approved ${activity.orderNumber}`, lines: [] };
    case 'reject':
      return { title: `You rejected ${activity.orderNumber}`, lines: [] };
    case 'complete':
      return {
        title: `You completed ${step}`,
        lines: activity.macAddress ? [`MAC address ${activity.macAddress} is recorded for the phone.`] : [],
      };
    case 'decline':
      return { title: `You declined ${step}`, lines: [`It goes back to ${to}.`] };
    case 'delegate':
      return { title: `You delegated ${step}`, lines: [`It is now assigned to ${to}.`] };
    case null:
      return { title: `${step.charAt(0).toUpperCase()}${step.slice(1)} is with ${to}`, lines: [] };
  }
}

function inferred(status: ActivityActed['activity']['status'], kind: ActivityActed['activity']['kind']): ActivityAction['kind'] | null {
  if (status === 'Accepted') return 'accept';
  if (status === 'Rejected') return 'reject';
  if (status === 'Done') return kind === 'Approval' ? 'approve' : 'complete';
  return null;
}
