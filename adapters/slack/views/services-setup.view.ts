import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Actor } from '../../../core/index';
import { advanceWizard } from '../../chat/run-setup-command';
import type { SetupPage } from '../../presenters/present-services-setup';
import { isSetupPage, presentSetupPage } from '../../presenters/present-services-setup';
import { renderView } from '../blocks/view.blocks';
import { identifySlackUser } from '../identify-slack-user';
import { sendDirectError } from '../reply';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { SERVICES_SETUP_CALLBACK, SETUP_BACK_ACTION, SETUP_INPUT_BLOCK, setupModal, setupSubmission } from './services-setup.modal';

/**
 * One page of the services setup modal, submitted: the core stores it, and the answer
 * to view_submission replaces the modal with the next page (`response_action: update`,
 * https://docs.slack.dev/surfaces/modals#updating_response). A refusal stays on the
 * page, under its input. Submit on the review closes the modal and reports in the
 * conversation the command was typed in.
 */
export function registerServicesSetupView(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: SERVICES_SETUP_CALLBACK, type: 'view_submission' }, async ({ ack, body }) => {
    const userId = body.user.id;
    const context = { view: SERVICES_SETUP_CALLBACK, userId };
    try {
      const submitted = setupSubmission(body.view);
      const setup = deps.servicesSetup?.();
      if (!setup) throw new Error('the services setup is not attached to the Slack adapter');
      const actor = await identifySlackUser(deps.core(), deps.client, { id: userId, name: body.user.name || userId });
      const step = await advanceWizard(setup, actor, submitted);
      if (step.kind === 'page') return await ack({ response_action: 'update', view: setupModal(step.page, submitted.channel) });
      if (step.kind === 'problems') {
        const { page: aboutPage, ...underInput } = step.problems;
        if (!aboutPage && Object.keys(underInput).length)
          return await ack({ response_action: 'errors', errors: { [SETUP_INPUT_BLOCK]: Object.values(underInput).join(' ') } });
        return await ack({ response_action: 'update', view: await pageWithProblem(deps, actor, submitted, aboutPage ?? '') });
      }
      await ack({ response_action: 'clear' });
      deps.afterAck.enqueue(async () => {
        await deps.client.chat.postMessage({ channel: submitted.channel || userId, ...renderView(step.view) });
      });
    } catch (err) {
      await ack();
      deps.afterAck.enqueue(() => sendDirectError(deps.client, userId, err, deps.log, context));
    }
  });

  // "To change the service configuration options, click Go back and edit."
  app.action<BlockAction<ButtonAction>>(SETUP_BACK_ACTION, async ({ ack, body, action }) => {
    await ack();
    deps.afterAck.enqueue(async () => {
      try {
        const setup = deps.servicesSetup?.();
        if (!setup || !body.view) throw new Error('no services setup or no modal to go back in');
        const { customerId, channel } = setupSubmission(body.view);
        const actor = await identifySlackUser(deps.core(), deps.client, { id: body.user.id, name: body.user.name || body.user.id });
        const page: SetupPage = isSetupPage(action.value ?? '') ? (action.value as SetupPage) : 'calling-setup';
        const view = presentSetupPage(await setup.getServicesSetup({ actor, customerId }), page);
        await deps.client.views.update({ view_id: body.view.id, hash: body.view.hash, view: setupModal(view, channel) });
      } catch (err) {
        await sendDirectError(deps.client, body.user.id, err, deps.log, { action: SETUP_BACK_ACTION });
      }
    });
  });
}

/** A refusal about the page as a whole (nothing to put it under): the same page, the reason first. */
async function pageWithProblem(
  deps: SlackListenerDeps,
  actor: Actor,
  at: { customerId: string; page: SetupPage; channel: string },
  problem: string,
) {
  const setup = deps.servicesSetup?.();
  if (!setup) throw new Error('the services setup is not attached to the Slack adapter');
  const view = presentSetupPage(await setup.getServicesSetup({ actor, customerId: at.customerId }), at.page);
  return setupModal({ ...view, paragraphs: [`:warning: ${problem}`, ...view.paragraphs] }, at.channel);
}
