import type { ActivityView } from '../../core/index';
import { NOTHING_WAITING } from './activity-words';
import { activityButton, sortedActions } from './present-activity';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';
import { assigneeText, describeOrder, itemsLine } from './work-order-text';

/**
 * Buttons for the first few activities only: a message of many button rows is hard to
 * read, and Slack and Teams limit a message's size. Each of those activities gets the
 * same buttons as the message it arrived in, under its own heading, so approving takes
 * one click here too.
 */
export const MAX_LIST_BUTTONS = 5;

/** `activities`: the seed's My Activities page, one section per activity. */
export function presentActivities(views: ActivityView[]): View {
  if (views.length === 0) {
    return {
      title: 'My activities',
      tone: 'success',
      paragraphs: [NOTHING_WAITING],
    };
  }
  const withButtons = views.slice(0, MAX_LIST_BUTTONS).filter((v) => v.allowed.length > 0).length;
  const hidden = views.filter((v) => v.allowed.length > 0).length - withButtons;
  return {
    title: `My activities (${views.length})`,
    tone: 'info',
    paragraphs: [`${views.length === 1 ? 'One activity is' : `${views.length} activities are`} waiting for you, oldest first.`],
    sections: views.map((v, i) => section(v, i < MAX_LIST_BUTTONS)),
    footnote:
      hidden > 0
        ? `Buttons are shown for the first ${MAX_LIST_BUTTONS}; act on the others from the message each one arrived in.`
        : undefined,
  };
}

function section({ activity, order, subscriber, allowed, assigneeName }: ActivityView, withButtons: boolean): ViewSection {
  const actions = withButtons ? sortedActions(allowed).map((k) => activityButton(k, activity, order.version)) : [];
  return {
    heading: `${activity.kind}: ${order.number} (${describeOrder(order, subscriber)})`,
    fields: [
      {
        label: 'Status',
        value: activity.status === 'Accepted' && activity.acceptedBy ? `accepted by ${activity.acceptedBy.name}` : 'open',
      },
      { label: 'Assigned to', value: assigneeText(activity.assignee, activity.domain, assigneeName) },
      { label: 'Products', value: itemsLine(order) },
      { label: 'Waiting since', value: formatInstant(activity.createdAt) },
    ],
    ...(allowed.length === 0 ? { note: 'You can see it but not act on it.' } : {}),
    ...(actions.length > 0 ? { actions } : {}),
  };
}
