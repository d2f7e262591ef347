import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { Actor, ActivityAction } from '../../../core/index';
import type { ActionId } from '../../presenters/view';
import { parseActivityActionValue } from '../../presenters/view';
import { actionIdPattern } from '../blocks/action-ids';
import { inputOfClick } from '../blocks/action-inputs';
import { identifySlackUser } from '../identify-slack-user';
import { replyEphemeral } from '../reply';
import { responseUrl } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { activityInputModal } from '../views/activity-input.modal';
import { MALFORMED_ACTIVITY_VALUE, replyActivityRefusal } from './activity-refusal';

export const ACTIVITY_ACTIONS = {
  'activity.accept': 'accept',
  'activity.approve': 'approve',
  'activity.reject': 'reject',
  'activity.complete': 'complete',
  'activity.decline': 'decline',
  'activity.delegate': 'delegate',
} as const satisfies Record<Extract<ActionId, `activity.${string}`>, ActivityAction['kind']>;

/** The input a button asks for even when its block does not say (a message built before inputs were named there). */
const DEFAULT_INPUT: Partial<Record<keyof typeof ACTIVITY_ACTIONS, 'delegate-to' | 'reject-reason'>> = {
  'activity.delegate': 'delegate-to',
  'activity.reject': 'reject-reason',
};

const ZClick = z.object({
  user: z.object({ id: z.string().min(1).max(64), name: z.string().max(200).optional(), username: z.string().max(200).optional() }),
  trigger_id: z.string().min(1).max(200),
  response_url: z.string().max(1000),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().max(200).default(''), block_id: z.string().max(255).optional() }))
    .min(1),
  message: z
    .object({ text: z.string().max(4000).optional() })
    .passthrough()
    .optional(),
});

/**
 * The buttons of an activity message (Accept, Approve, Reject, Step Complete,
 * Decline, Delegate). ack() at once; the work follows through afterAck. A button
 * that needs typed input (a MAC address, whom to delegate to) opens a modal, whose
 * submission runs the action (activity-input.view.ts). On success nothing is said
 * here: the core updates every posted copy of the activity, this one included. A
 * refusal goes to the clicker alone and leaves the message as it is.
 */
export function registerActivityActions(app: App, deps: SlackListenerDeps): void {
  for (const [actionId, kind] of Object.entries(ACTIVITY_ACTIONS) as [keyof typeof ACTIVITY_ACTIONS, ActivityAction['kind']][]) {
    app.action<BlockAction>(actionIdPattern(actionId), async ({ ack, body }) => {
      await ack();
      if (!deps.afterAck.enqueue(() => onClick(deps, actionId, kind, body)))
        deps.log.warn({ action: actionId, userId: body.user?.id }, 'click dropped: the queue after Slack acks is full');
    });
  }
}

async function onClick(
  deps: SlackListenerDeps,
  actionId: keyof typeof ACTIVITY_ACTIONS,
  kind: ActivityAction['kind'],
  body: BlockAction,
): Promise<void> {
  const respond = responseUrl(body.response_url);
  const context = { action: actionId, userId: body.user?.id };
  let actor: Actor | null = null;
  let activityId: string | null = null;
  try {
    const click = ZClick.parse(body);
    const button = click.actions[0]!;
    const target = parseActivityActionValue(button.value);
    if (!target) return await replyEphemeral(respond, MALFORMED_ACTIVITY_VALUE);
    activityId = target.activityId;
    // Delegate always needs to know to whom; Complete needs a MAC address only on an Assignment;
    // Reject asks for an optional reason.
    const input = inputOfClick(button.block_id, actionId) ?? DEFAULT_INPUT[actionId] ?? null;
    if (input && (actionId === 'activity.complete' || actionId === 'activity.delegate' || actionId === 'activity.reject')) {
      // A trigger_id is good for 3 seconds, so the modal opens before anything else.
      const view = activityInputModal({ actionId, input, value: button.value, responseUrl: click.response_url }, click.message?.text);
      await deps.client.views.open({ trigger_id: click.trigger_id, view });
      return;
    }
    const core = deps.core();
    actor = await identifySlackUser(core, deps.client, {
      id: click.user.id,
      name: click.user.name ?? click.user.username ?? click.user.id,
    });
    await core.actOnActivity({
      actor,
      activityId: target.activityId,
      expectedOrderVersion: target.orderVersion,
      action: { kind } as Exclude<ActivityAction, { kind: 'delegate' }>,
    });
  } catch (err) {
    await replyActivityRefusal({ core: deps.core, log: deps.log, respond, actor, activityId }, err, context);
  }
}
