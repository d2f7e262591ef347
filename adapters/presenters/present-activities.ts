import type { ActivityView } from '../../core/index';
import { activityButton, sortedActions } from './present-activity';
import type { View, ViewAction, ViewSection } from './view';
import { formatInstant } from './view';
import { assigneeText, describeOrder, itemsLine } from './work-order-text';

/**
 * Buttons for the first few activities only: Teams shows at most six card actions
 * (host config maxActions) and a row of many same-looking buttons is hard to read.
 * Each carries the first step the seed's procedures take ("Click Accept"); the card
 * that click returns has the rest.
 */
export const MAX_LIST_BUTTONS = 5;

/** `activities`: the seed's My Activities page, one section per activity. */
export function presentActivities(views: ActivityView[]): View {
  if (views.length === 0) {
    return {
      title: 'My activities',
      tone: 'success',
      paragraphs: ['Nothing is waiting for you: no approvals, assignments, shipping or receiving.'],
    };
  }
  const actions = views.slice(0, MAX_LIST_BUTTONS).flatMap(firstButton);
  const hidden = views.filter((v) => v.allowed.length > 0).length - actions.length;
  return {
    title: `My activities (${views.length})`,
    tone: 'info',
    paragraphs: [`${views.length === 1 ? 'One activity is' : `${views.length} activities are`} waiting for you, oldest first.`],
    sections: views.map(section),
    ...(actions.length > 0 ? { actions } : {}),
    footnote:
      hidden > 0
        ? `Buttons are shown for the first ${MAX_LIST_BUTTONS}; act on the others from the message each one arrived in.`
        : undefined,
  };
}

function section({ activity, order, subscriber, allowed }: ActivityView): ViewSection {
  return {
    heading: `${activity.kind}: ${order.number} (${describeOrder(order, subscriber)})`,
    fields: [
      {
        label: 'Status',
        value: activity.status === 'Accepted' && activity.acceptedBy ? `accepted by ${activity.acceptedBy.name}` : 'open',
      },
      { label: 'Assigned to', value: assigneeText(activity.assignee, activity.domain) },
      { label: 'Products', value: itemsLine(order) },
      { label: 'Waiting since', value: formatInstant(activity.createdAt) },
    ],
    note: allowed.length > 0 ? `You can ${sortedActions(allowed).join(', ')}.` : 'You can see it but not act on it.',
  };
}

function firstButton({ activity, order, allowed }: ActivityView): ViewAction[] {
  const first = sortedActions(allowed)[0];
  if (!first) return [];
  const button = activityButton(first, activity, order.version);
  return [{ ...button, label: `${button.label} ${order.number}` }];
}
