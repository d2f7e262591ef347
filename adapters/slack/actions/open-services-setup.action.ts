import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { ActionId } from '../../presenters/view';
import { actionIdPattern } from '../blocks/action-ids';
import { runSlackSetupCommand } from '../commands/setup.command';
import { identifySlackUser } from '../identify-slack-user';
import { replyError } from '../reply';
import { responseUrl } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';

export const OPEN_SERVICES_SETUP: ActionId = 'services-setup.open';

const ZClick = z.object({
  trigger_id: z.string().min(1).max(200),
  user: z.object({ id: z.string().min(1).max(64), name: z.string().max(200).optional(), username: z.string().max(200).optional() }),
  channel: z.object({ id: z.string().max(64) }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().min(1).max(100) })).min(1),
});

/**
 * "Set up the services now" on a customer's status message or an order placer's offer:
 * the wizard's modal opens exactly as `services setup <customer>` opens it (the value
 * is the customer's id), with the click's trigger_id, good for 3 seconds. The core
 * decides who may; a refusal, or a setup already submitted, goes to the clicker alone.
 */
export function registerOpenServicesSetupAction(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction>(actionIdPattern(OPEN_SERVICES_SETUP), async ({ ack, body }) => {
    await ack();
    deps.afterAck.enqueue(async () => {
      const respond = responseUrl(body.response_url);
      try {
        const setup = deps.servicesSetup?.();
        if (!setup) throw new Error('the services setup is not attached to the Slack adapter');
        const click = ZClick.parse(body);
        const core = deps.core();
        const name = click.user.name ?? click.user.username ?? click.user.id;
        const actor = await identifySlackUser(core, deps.client, { id: click.user.id, name });
        const command = { trigger_id: click.trigger_id, channel_id: click.channel?.id ?? '', user_id: click.user.id };
        const customer = click.actions[0]!.value;
        await runSlackSetupCommand(deps, { core, setup }, actor, { kind: 'services-setup', customer }, command, respond);
      } catch (err) {
        await replyError(respond, err, deps.log, { action: OPEN_SERVICES_SETUP, userId: body.user?.id });
      }
    });
  });
}
