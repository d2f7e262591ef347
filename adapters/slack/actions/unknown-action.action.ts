import type { App } from '@slack/bolt';
import { actionIdsAlternation } from '../blocks/action-ids';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { ACCESS_DECISIONS } from './access-decision.action';
import { ACTIVITY_ACTIONS } from './activity.action';
import { OPEN_SERVICES_SETUP } from './open-services-setup.action';
import { CREATE_USERS_ACTION, RESEND_CONSENT_ACTION } from './customer-users.action';
import { SETUP_BACK_ACTION } from '../views/services-setup.modal';

const known = actionIdsAlternation([
  ...Object.keys(ACCESS_DECISIONS),
  ...Object.keys(ACTIVITY_ACTIONS),
  SETUP_BACK_ACTION,
  OPEN_SERVICES_SETUP,
  CREATE_USERS_ACTION,
  RESEND_CONSENT_ACTION,
]);

/**
 * Any other action_id (a button from an older version of a message, say) is acked
 * and logged: unacked, Bolt's HTTP receiver answers 404 after 3 seconds and the
 * user sees an error on a button that can do nothing anyway.
 */
export function registerUnknownActions(app: App, deps: SlackListenerDeps): void {
  app.action(new RegExp(`^(?!${known}$)`), async ({ ack, action }) => {
    await ack();
    deps.log.warn({ actionId: 'action_id' in action ? String(action.action_id).slice(0, 100) : null }, 'unknown Slack action ignored');
  });
}
