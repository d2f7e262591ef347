import type { App } from '@slack/bolt';
import { isCoreError } from '../../../core/index';
import { presentHome } from '../../presenters/present-home';
import { renderView } from '../blocks/view.blocks';
import { errorSummary } from '../bolt-logger';
import { PROV_COMMAND } from '../commands/prov.command';
import { identifySlackUser } from '../identify-slack-user';
import type { SlackListenerDeps } from '../slack-listener-deps';

/**
 * The App Home tab: published for the user each time they open it, with their pending
 * activities and the notification settings they may change.
 * https://docs.slack.dev/surfaces/app-home and https://docs.slack.dev/reference/events/app_home_opened
 * Bolt acknowledges events itself; the work happens after.
 */
export function registerAppHome(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    deps.afterAck.enqueue(async () => {
      try {
        const core = deps.core();
        const actor = await identifySlackUser(core, deps.client, { id: event.user, name: '' });
        const activities = await core.listMyActivities({ actor });
        // Only administrators have settings to change; for everyone else the section is left out.
        const settings = await core.getNotificationOverview({ actor }).catch((err: unknown) => {
          if (isCoreError(err) && err.code === 'NOT_AUTHORIZED') return null;
          throw err;
        });
        const { blocks } = renderView(presentHome({ activities, settings, prefix: PROV_COMMAND }));
        await deps.client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
      } catch (err) {
        deps.log.warn({ userId: event.user, ...errorSummary(err) }, 'slack: App Home not published');
      }
    });
  });
}
