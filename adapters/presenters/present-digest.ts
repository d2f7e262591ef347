import type { ActivityMessage, DigestNotice } from '../../core/index';
import { ACTIVITY_NOUN } from './activity-words';
import { assigneeActions } from './assignee-actions';
import { formatAge } from './durations';
import { activityButton, sortedActions } from './present-activity';
import type { View, ViewSection } from './view';
import { activityStatusText, describeOrder, isLive } from './work-order-text';

export interface DigestOptions {
  now: Date;
  /** "/prov " in Slack, empty in Teams, where the words are typed to the bot. */
  prefix: string;
  /** Items shown, each with its buttons; the rest are counted and pointed to `activities`. */
  maxItems: number;
}

/**
 * "During this time, if other related events occur, an aggregated notification with
 * details of all such events is sent in a single email" (Configuring a Domain
 * Notification Template, Aggregation window): the same in chat, one message per
 * group's window. Items come oldest first; one decided meanwhile is listed with its
 * outcome and no buttons. A live one carries the buttons an assignee has, as its own
 * notice would (the core checks each click).
 */
export function presentDigest(notice: DigestNotice, o: DigestOptions): View {
  const live = notice.items.filter((i) => isLive(i.activity)).length;
  const decided = notice.items.length - live;
  const [one, many] = ACTIVITY_NOUN[notice.eventType];
  const shown = notice.items.slice(0, o.maxItems);
  const hidden = notice.items.length - shown.length;
  return {
    title: live > 0 ? `${live} ${live === 1 ? one : many} waiting in ${notice.domain}` : `No ${many} waiting in ${notice.domain}`,
    tone: live > 0 ? 'info' : 'success',
    paragraphs: [
      `For the ${notice.group} notification group, oldest first.`,
      ...(decided > 0
        ? [`${decided === 1 ? 'One was' : `${decided} were`} handled meanwhile and ${decided === 1 ? 'is' : 'are'} shown with the outcome.`]
        : []),
    ],
    sections: shown.map((item) => section(item, o.now)),
    ...(hidden > 0 ? { footnote: `…and ${hidden} more: type "${o.prefix}activities" to see the ones waiting for you.` } : {}),
  };
}

/** One line per item: order number, subscriber and kind of order, status, age. */
function section({ activity, order, subscriber }: ActivityMessage, now: Date): ViewSection {
  const open = isLive(activity);
  const actions = open ? sortedActions(assigneeActions(activity)).map((k) => activityButton(k, activity, order.version)) : [];
  return {
    heading: `${order.number}: ${describeOrder(order, subscriber)}`,
    fields: [
      { label: 'Status', value: activityStatusText(activity) },
      {
        label: open ? 'Waiting' : 'Arrived',
        value: open ? formatAge(activity.createdAt, now) : `${formatAge(activity.createdAt, now)} ago`,
      },
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}
