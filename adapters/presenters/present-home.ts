import type { ActivityView, NotificationOverview } from '../../core/index';
import { serverText } from '../../core/index';
import { NOTHING_WAITING } from './activity-words';
import { activityButton, sortedActions } from './present-activity';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';
import { describeOrder, itemsLine } from './work-order-text';

/** Items with their own buttons; the Home tab holds 100 blocks, and a long list reads badly anyway. */
const HOME_ACTIVITIES = 15;

/**
 * The Slack App Home tab: what waits for the user (with the first step's button), and
 * the notification settings they may change, with the command that changes them.
 */
export function presentHome(input: { activities: ActivityView[]; settings: NotificationOverview | null; prefix: string }): View {
  const { activities, settings, prefix } = input;
  const shown = activities.slice(0, HOME_ACTIVITIES);
  const sections: ViewSection[] = shown.map(activitySection);
  if (settings) sections.push(...settingsSections(settings, prefix));
  const waiting =
    activities.length === 0
      ? NOTHING_WAITING
      : `${activities.length === 1 ? 'One activity is' : `${activities.length} activities are`} waiting for you, oldest first.`;
  return {
    title: 'provbot',
    tone: activities.length ? 'info' : 'success',
    paragraphs: [
      waiting,
      ...(activities.length > shown.length ? [`The first ${shown.length} are below; type ${prefix} activities for all of them.`] : []),
    ],
    sections,
    footnote: `This tab shows what it knew when you opened it. Type ${prefix} help for every command.`,
  };
}

function activitySection({ activity, order, subscriber, allowed }: ActivityView): ViewSection {
  const first = sortedActions(allowed)[0];
  return {
    heading: `${activity.kind}: ${order.number} (${describeOrder(order, subscriber)})`,
    fields: [
      { label: 'Products', value: itemsLine(order) },
      { label: 'Waiting since', value: formatInstant(activity.createdAt) },
    ],
    ...(first ? { actions: [activityButton(first, activity, order.version)] } : {}),
  };
}

function settingsSections(overview: NotificationOverview, prefix: string): ViewSection[] {
  const sections: ViewSection[] = [];
  if (overview.system) {
    sections.push({
      heading: 'Notification settings: system',
      fields: [
        { label: 'Mail server', value: overview.system.smtp ? serverText(overview.system.smtp) : "the bot's own" },
        {
          label: 'Administration group',
          value: `${overview.system.administration.externalEmails.length} address(es), ${overview.system.administration.chatDestinations.length} channel(s)`,
        },
      ],
      note: `${prefix} notify show system · ${prefix} notify show template`,
    });
  }
  if (overview.domains.length) {
    sections.push({
      heading: 'Notification settings: your domains',
      fields: overview.domains
        .slice(0, 10)
        .map((d) => ({ label: d.domain, value: d.followsTemplate ? 'follows the domain template' : 'its own settings' })),
      note: `${prefix} notify show <domain> for the groups, windows and channels; ${prefix} notify set <domain> <group> key=value to change them.`,
    });
  }
  return sections;
}
