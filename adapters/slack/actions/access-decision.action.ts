import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { Decision } from '../../../core/index';
import type { ActionId } from '../../presenters/view';
import { actionIdPattern } from '../blocks/action-ids';
import { identifySlackUser } from '../identify-slack-user';
import { replyError } from '../reply';
import { responseUrl } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';

export const ACCESS_DECISIONS = { 'access.approve': 'approve', 'access.decline': 'decline' } as const satisfies Record<
  Extract<ActionId, `access.${string}`>,
  Decision
>;

const ZClick = z.object({
  user: z.object({ id: z.string().min(1).max(64), name: z.string().max(200).optional(), username: z.string().max(200).optional() }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().min(1).max(200) })).min(1),
});

/**
 * Approve or Decline on an access request. On success there is nothing to say
 * here: the core replaces every posted copy of the request (this message among
 * them) with its decided state through chat.update, and tells the requester.
 * A refusal (already decided, not theirs to decide) goes to the clicker alone and
 * leaves the message as it is.
 */
export function registerAccessDecisionActions(app: App, deps: SlackListenerDeps): void {
  for (const [actionId, decision] of Object.entries(ACCESS_DECISIONS)) {
    app.action<BlockAction>(actionIdPattern(actionId), async ({ ack, body }) => {
      // A click shows a spinner and then an error unless acked within 3 seconds.
      await ack();
      deps.afterAck.enqueue(async () => {
        const respond = responseUrl(body.response_url);
        try {
          const click = ZClick.parse(body);
          const core = deps.core();
          const actor = await identifySlackUser(core, deps.client, {
            id: click.user.id,
            name: click.user.name ?? click.user.username ?? click.user.id,
          });
          await core.decideAccessRequest({ actor, requestId: click.actions[0]!.value, decision });
        } catch (err) {
          await replyError(respond, err, deps.log, { action: actionId, userId: body.user?.id });
        }
      });
    });
  }
}
