import type { Activity, ActivityAction, ActivityKind, ActivityMessage, ActivityView } from '../../core/index';
import { ACTION_LABEL, activityName, activityNeeded } from './activity-words';
import { subscriberLabel } from './labels';
import { assigneeActions } from './assignee-actions';
import { formatMinutes } from './durations';
import type { Field, View, ViewAction } from './view';
import { activityActionValue, formatInstant } from './view';
import { assigneeText, describeOrder, isLive, itemsLine, stateText } from './work-order-text';

type ActionKind = ActivityAction['kind'];

/**
 * Buttons in one order everywhere: the decision first (the primary button; Teams shows
 * every button alike, so the first place is what marks it there), then taking the step
 * on, then the ways out.
 */
const BUTTON_ORDER: ActionKind[] = ['approve', 'complete', 'reject', 'accept', 'decline', 'delegate'];

/**
 * The seed's words for the buttons ("Click Accept", "Click Step Complete"), one set on
 * every channel, email links included. The decision is the primary button; Accept
 * (taking it on) is a quiet one. "Reject order" cancels the order; "Hand back" (the
 * seed's Decline) only returns the step to its group, so it is not styled as a danger
 * and its words do not sound like a rejection.
 */
export function activityButton(kind: ActionKind, activity: Activity, orderVersion: number, label?: string): ViewAction {
  const value = activityActionValue(activity.id, orderVersion);
  switch (kind) {
    case 'accept':
      return { id: 'activity.accept', label: label ?? ACTION_LABEL.accept, value, style: 'default' };
    case 'approve':
      return { id: 'activity.approve', label: label ?? ACTION_LABEL.approve, value, style: 'primary' };
    case 'reject':
      return { id: 'activity.reject', label: label ?? ACTION_LABEL.reject, value, style: 'danger', input: 'reject-reason' };
    case 'decline':
      return { id: 'activity.decline', label: label ?? ACTION_LABEL.decline, value, style: 'default' };
    case 'delegate':
      return { id: 'activity.delegate', label: label ?? ACTION_LABEL.delegate, value, style: 'default', input: 'delegate-to' };
    case 'complete':
      // Assignment: "Enter the MAC Address for the phone. Click Step Complete."
      return activity.kind === 'Assignment'
        ? { id: 'activity.complete', label: label ?? ACTION_LABEL.complete, value, style: 'primary', input: 'mac-address' }
        : { id: 'activity.complete', label: label ?? ACTION_LABEL.complete, value, style: 'primary' };
  }
}

export const sortedActions = (allowed: ActionKind[]): ActionKind[] => BUTTON_ORDER.filter((k) => allowed.includes(k));

/** What each step asks of its assignee (Approving Orders, Shipping Phones, Receiving Phones). */
const ASK: Record<ActivityKind, string> = {
  Approval: 'Approve it to let it be provisioned, or reject it: a rejected order is cancelled and nothing is provisioned.',
  Assignment:
    "Enter the phone's MAC address (12 hexadecimal characters, on a sticker on the phone and on its settings display) and complete the step.",
  Shipping: 'Complete the step once the phone has shipped.',
  Receiving: 'Complete the step once the phone has been received.',
};

/**
 * One activity as the viewer sees it: a live one with a button per action the core
 * allows them, a decided one ("Approved by ... at ...") with none, so a second copy
 * cannot be clicked into a second decision.
 */
export function presentActivity(view: ActivityView): View {
  const { activity, order, subscriber } = view;
  const about = `${order.number} (${describeOrder(order, subscriber)})`;
  if (!isLive(activity)) return presentClosedActivity(view, about);
  const actions = sortedActions(view.allowed).map((k) => activityButton(k, activity, order.version));
  const accepted = activity.status === 'Accepted' && activity.acceptedBy ? `, accepted by ${activity.acceptedBy.name}` : '';
  return {
    title: `${activityNeeded(activity.kind)}: ${about}`,
    tone: 'info',
    paragraphs:
      actions.length > 0
        ? [ASK[activity.kind]]
        : [
            `It is assigned to ${assigneeText(activity.assignee, activity.domain, view.assigneeName)}${accepted}; you can see it but not act on it.`,
          ],
    fields: activityFields(view),
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * A posted activity notice: the buttons an assignee has (assignee-actions.ts; the core
 * checks each click). An escalation carries a banner: "Any other value triggers the
 * system to send out an email to the system administrators after the time specified if
 * no action was taken for the triggering event" (Configuring a Domain Notification
 * Template, Escalation Window). Once decided, the plain decided view: the banner no
 * longer applies.
 */
export function presentActivityNotice(message: ActivityMessage & { escalatedAfterMinutes: number | null }): View {
  const { activity, order, subscriber, assigneeName, escalatedAfterMinutes } = message;
  const view = presentActivity({ activity, order, subscriber, assigneeName, allowed: assigneeActions(activity) });
  if (escalatedAfterMinutes === null || !isLive(activity)) return view;
  return {
    ...view,
    title: `Escalated: ${view.title}`,
    tone: 'warning',
    paragraphs: [escalationBanner(activity.kind, escalatedAfterMinutes), ...view.paragraphs],
  };
}

/** Under the "Escalated: ..." title: "Nobody acted on this approval within 2 hours, so it comes to the administrators." */
export const escalationBanner = (kind: ActivityKind, minutes: number): string =>
  `Nobody acted on this ${activityName(kind)} within ${formatMinutes(minutes)}, so it comes to the administrators.`;

function presentClosedActivity({ activity, order }: ActivityView, about: string): View {
  if (activity.status === 'Withdrawn') {
    return {
      title: `No longer needed: ${about}`,
      tone: 'info',
      paragraphs: [`The order ended (${order.state}) before this ${activityName(activity.kind)}.`],
    };
  }
  const verb = activity.status === 'Rejected' ? 'Rejected' : activity.kind === 'Approval' ? 'Approved' : 'Completed';
  const by = activity.decidedBy?.name ?? 'someone';
  const at = activity.decidedAt ? ` at ${formatInstant(activity.decidedAt)}` : '';
  return {
    title: `${verb} by ${by}${at}`,
    tone: activity.status === 'Rejected' ? 'warning' : 'success',
    paragraphs: [`${activity.kind} of ${about}.`, ...(activity.note ? [`Note: ${activity.note}`] : [])],
    fields: [
      ...(activity.macAddress ? [{ label: 'MAC address', value: activity.macAddress }] : []),
      { label: 'Order status', value: stateText(order) },
    ],
  };
}

function activityFields({ activity, order, subscriber, assigneeName }: ActivityView): Field[] {
  return [
    {
      label: 'Subscriber',
      value: subscriberLabel(subscriber, order.subscriberLogin),
    },
    { label: 'Products', value: itemsLine(order) },
    { label: 'Placed by', value: order.author.name },
    ...(order.requestedDeliveryDate ? [{ label: 'Requested delivery', value: order.requestedDeliveryDate }] : []),
    { label: 'Assigned to', value: assigneeText(activity.assignee, activity.domain, assigneeName) },
    ...(activity.status === 'Accepted' && activity.acceptedBy ? [{ label: 'Accepted by', value: activity.acceptedBy.name }] : []),
    ...(activity.macAddress ? [{ label: 'MAC address', value: activity.macAddress }] : []),
    { label: 'Waiting since', value: formatInstant(activity.createdAt) },
  ];
}
