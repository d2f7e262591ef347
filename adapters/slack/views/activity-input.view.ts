import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Actor, ActivityAction, Core } from '../../../core/index';
import { isCoreError } from '../../../core/index';
import { parseActivityActionValue } from '../../presenters/view';
import { MALFORMED_ACTIVITY_VALUE, replyActivityRefusal } from '../actions/activity-refusal';
import { identifySlackUser } from '../identify-slack-user';
import { replyEphemeral } from '../reply';
import { responseUrl } from '../response-url';
import { VIEW_SUBMISSION_BUDGET_MS } from '../slack-listener-deps';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { settleWithinBudget } from '../../chat/within-budget';
import { ACTIVITY_INPUT_CALLBACK, parseActivityInputSubmission } from './activity-input.modal';
import type { ActivityInputSubmission } from './activity-input.modal';
import { parseDelegateTo } from '../../chat/commands/parse-delegate-to';
import { validationText } from './field-errors';

/**
 * The MAC address, delegate-to or rejection reason modal, submitted. The core runs before the ack
 * (within the budget) so that its VALIDATION_FAILED message ("Must be 12
 * hexadecimal digits …") can stay in the modal, under the input. Any other
 * refusal closes the modal and goes to the clicker privately through the response_url
 * of the click that opened it; success closes it, and the core updates the message.
 */
export function registerActivityInputView(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: ACTIVITY_INPUT_CALLBACK, type: 'view_submission' }, async ({ ack, body }) => {
    let submission: ActivityInputSubmission;
    try {
      submission = parseActivityInputSubmission(body.view);
    } catch (err) {
      await ack();
      deps.log.warn({ userId: body.user.id, error: String(err).slice(0, 200) }, 'slack: activity input modal not understood');
      return;
    }
    const { meta, text } = submission;
    const target = parseActivityActionValue(meta.value);
    const respond = responseUrl(meta.responseUrl);
    if (!target) {
      await ack();
      deps.afterAck.enqueue(() => replyEphemeral(respond, MALFORMED_ACTIVITY_VALUE));
      return;
    }
    const action = toAction(meta.input, text);
    if (!action.ok) return ack({ response_action: 'errors', errors: { [meta.input]: action.problem } });

    let actor: Actor | null = null;
    const run = async (core: Core) => {
      actor = await identifySlackUser(core, deps.client, { id: body.user.id, name: body.user.name || body.user.id });
      return core.actOnActivity({ actor, activityId: target.activityId, expectedOrderVersion: target.orderVersion, action: action.action });
    };
    const work = Promise.resolve().then(() => run(deps.core()));
    const settled = await settleWithinBudget(work, deps.viewBudgetMs ?? VIEW_SUBMISSION_BUDGET_MS);
    if (settled.kind === 'failed' && isCoreError(settled.error) && settled.error.is('VALIDATION_FAILED')) {
      return ack({ response_action: 'errors', errors: { [meta.input]: validationText(settled.error, meta.input) } });
    }
    await ack();
    const refuse = (err: unknown) =>
      replyActivityRefusal({ core: deps.core, log: deps.log, respond, actor, activityId: target.activityId }, err, {
        action: meta.actionId,
        userId: body.user.id,
      });
    if (settled.kind === 'failed') deps.afterAck.enqueue(() => refuse(settled.error));
    // Past the budget the modal is closed; a refusal that comes later still reaches the clicker.
    if (settled.kind === 'late') deps.afterAck.enqueue(() => work.then(() => undefined, refuse));
  });
}

function toAction(
  input: ActivityInputSubmission['meta']['input'],
  text: string,
): { ok: true; action: ActivityAction } | { ok: false; problem: string } {
  if (input === 'mac-address') return { ok: true, action: { kind: 'complete', macAddress: text } };
  // Optional: left blank, the order is rejected without a reason.
  if (input === 'reject-reason') return { ok: true, action: text ? { kind: 'reject', note: text } : { kind: 'reject' } };
  const to = parseDelegateTo(text);
  return to.ok ? { ok: true, action: { kind: 'delegate', to: to.to } } : to;
}
