import type { App } from '@slack/bolt';
import { z } from 'zod';
import { isOpenOnboardingForm, isOpenOrderForm, runCommand } from '../../chat/run-command';
import type { CommandPlace } from '../../chat/run-command';
import { identifySlackUser } from '../identify-slack-user';
import { replyEphemeral, replyError } from '../reply';
import { responseUrl } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { onboardingFormModal } from '../views/onboarding-form.modal';
import { orderFormModal } from '../views/order-form.modal';
import { parseSetupCommand, reminderFor } from '../../chat/run-setup-command';
import { withSetupReminder } from '../../presenters/present-setup-notices';
import { runSlackSetupCommand } from './setup.command';

export const PROV_COMMAND = '/prov';

export const BUSY = "I'm handling a lot of requests right now and can't take yours. Please try again in a minute.";

/** The fields of a slash command payload we use; Slack sends many more. */
const ZSlashCommand = z.object({
  user_id: z.string().min(1).max(64),
  user_name: z.string().max(200).default(''),
  text: z.string().default(''),
  trigger_id: z.string().max(200).default(''),
  channel_id: z.string().max(64).default(''),
  channel_name: z.string().max(200).default(''),
});

/**
 * Where `/prov` was typed: a channel (or group DM) can be registered for notices; a DM,
 * whose id starts with D, cannot. The command's text is never posted to the channel,
 * so what it carries was seen by the bot only.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 */
function placeOf(command: z.infer<typeof ZSlashCommand>): CommandPlace {
  const inChannel = command.channel_id !== '' && !command.channel_id.startsWith('D');
  return {
    here: inChannel ? { platform: 'slack', address: command.channel_id, label: `#${command.channel_name || command.channel_id}` } : null,
    private: true,
  };
}

/**
 * `/prov <words>`: ack at once, then identify, run, and answer privately through
 * the response_url. Slack shows the user a timeout error unless the ack arrives
 * within 3000 ms, so nothing (not even the database) runs before it; the reply may
 * follow within 30 minutes. https://docs.slack.dev/interactivity/implementing-slash-commands
 * `/prov order` alone (and `template create`, `customer create`) opens a form as a modal instead, with the command's
 * trigger_id (good for 3 seconds: https://docs.slack.dev/interactivity/handling-user-interaction#modals).
 */
export function registerProvCommand(app: App, deps: SlackListenerDeps): void {
  app.command(PROV_COMMAND, async ({ ack, body }) => {
    // A full queue is said in the ack itself: queueing more would only grow memory and the wait.
    if (deps.afterAck.full) return ack({ response_type: 'ephemeral', text: BUSY });
    await ack();
    deps.afterAck.enqueue(async () => {
      const respond = responseUrl(body.response_url);
      try {
        const command = ZSlashCommand.parse(body);
        const core = deps.core();
        const actor = await identifySlackUser(core, deps.client, { id: command.user_id, name: command.user_name || command.user_id });
        const prefix = `${PROV_COMMAND} `;
        const setupCommand = parseSetupCommand(command.text);
        const setup = deps.servicesSetup?.() ?? null;
        if (setupCommand && setup) return await runSlackSetupCommand(deps, { core, setup }, actor, setupCommand, command, respond);
        const reply = await runCommand(core, actor, command.text, prefix, placeOf(command));
        if (isOpenOnboardingForm(reply))
          return void (await deps.client.views.open({ trigger_id: command.trigger_id, view: onboardingFormModal(reply.form) }));
        if (!isOpenOrderForm(reply))
          return await replyEphemeral(respond, withSetupReminder(reply, await reminderFor(setup, actor, prefix)));
        await deps.client.views.open({ trigger_id: command.trigger_id, view: orderFormModal(reply) });
      } catch (err) {
        await replyError(respond, err, deps.log, { command: PROV_COMMAND, userId: body.user_id });
      }
    });
  });
}
