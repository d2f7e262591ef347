import { TurnContext } from 'botbuilder';
import { isOpenOnboardingForm, isOpenOrderForm, runCommand } from '../../chat/run-command';
import type { SetupChat, SetupCommand } from '../../chat/run-setup-command';
import { parseSetupCommand, reminderFor, runSetupCommand } from '../../chat/run-setup-command';
import { withSetupReminder } from '../../presenters/present-setup-notices';
import type { Actor } from '../../../core/index';
import { renderSetupCard } from '../cards/services-setup.card';
import type { CommandReply } from '../../chat/run-command';
import { ORDER_FORM } from '../../presenters/order-form';
import { renderOnboardingFormCard } from '../cards/onboarding-form.card';
import { renderOrderFormCard } from '../cards/order-form.card';
import { cardMessage, viewMessage } from '../cards/view.card';
import { pdfLinkMessage } from '../cards/order-summary.card';
import { errorSummary, presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { placeOf } from './command-place';
import { commandLabel } from '../../observability/command-label';
import { labelRequest } from '../../observability/request-context';

/**
 * A message to the bot: the words of Slack's `/prov` without the slash. In a channel
 * or group chat the text starts with the bot's @mention, which is removed first.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#retrieve-mentions
 * Parse, call, render: who may do what is the core's decision. `order` alone answers
 * with the order form card (card-actions/submit-order-form.action.ts takes it back).
 */
export function commandMessage(deps: TeamsRouteDeps) {
  return async (context: TurnContext): Promise<void> => {
    await deps.addresses.learn(context.activity).catch((err) => deps.log.warn(errorSummary(err), 'Teams address not saved'));
    const text = TurnContext.removeRecipientMention(context.activity) ?? '';
    labelRequest(commandLabel(text));
    let reply: CommandReply;
    try {
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      const setup = deps.servicesSetup?.() ?? null;
      const setupCommand = parseSetupCommand(text);
      if (setupCommand && setup)
        return void (await context.sendActivity(await setupReply({ core, setup }, actor, setupCommand, deps.summaryLink)));
      reply = await runCommand(core, actor, text, '', placeOf(context.activity));
      if (!isOpenOrderForm(reply) && !isOpenOnboardingForm(reply)) reply = withSetupReminder(reply, await reminderFor(setup, actor, ''));
    } catch (err) {
      reply = presentFailure(err, deps.log, 'Teams command');
    }
    // `order` alone: the form, whose Place order button comes back as `order.submit`.
    if (isOpenOrderForm(reply)) {
      const values = reply.subscriberLogin ? { subscriberLogin: reply.subscriberLogin } : {};
      return void (await context.sendActivity(cardMessage(renderOrderFormCard({ values }), ORDER_FORM.title)));
    }
    if (isOpenOnboardingForm(reply))
      return void (await context.sendActivity(cardMessage(renderOnboardingFormCard(reply.form), reply.form.title)));
    await context.sendActivity(viewMessage(reply));
  };
}

/**
 * `services setup` answers with the wizard's first card (updated in place from then
 * on); `customer summary` answers with a card linking to the PDF: a bot sends files in
 * Teams only through a file consent card in a personal chat, so the bot serves the PDF
 * behind a signed, expiring link (order-summary.card.ts).
 */
async function setupReply(chat: SetupChat, actor: Actor, c: SetupCommand, summaryLink: TeamsRouteDeps['summaryLink']) {
  const reply = await runSetupCommand(chat, actor, c);
  if (reply.kind === 'open-setup') return cardMessage(renderSetupCard(reply.page), reply.page.title);
  if (reply.kind === 'view') return viewMessage(reply.view);
  return pdfLinkMessage({ ...reply.view, paragraphs: [] }, summaryLink?.(reply.customerId) ?? null);
}
