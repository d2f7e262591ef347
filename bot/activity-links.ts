import type { Clock, Core, Logger } from '../core/index';
import { activityLinkRouter } from '../adapters/email/links/activity-link.routes';
import type { ActivityLinkPayload, LinkSigner } from '../adapters/email/links/link-signer';

/**
 * Email Approve / Reject order links of an Approval activity: the signed token names the
 * recipient, so the core sees them as an email Actor and authorizes by their roles in
 * the order's domain. The expected order version comes from the token, so a link
 * built before the order changed is refused as STALE by the core too.
 */
export function activityLinks(o: { core: Core; signer: LinkSigner; log: Logger; clock: Clock }) {
  const actorOf = (link: ActivityLinkPayload) => o.core.identifyEmailUser(link.recipientEmail);
  return activityLinkRouter({
    signer: o.signer,
    log: o.log,
    clock: o.clock,
    look: async (link) => {
      const actor = await actorOf(link);
      const view = await o.core.getActivityView({ actor, activityId: link.activityId });
      return { ...view, actingAs: actor.name === link.recipientEmail ? actor.name : `${actor.name} (${link.recipientEmail})` };
    },
    decide: async (link, reason) =>
      o.core.actOnActivity({
        actor: await actorOf(link),
        activityId: link.activityId,
        expectedOrderVersion: link.orderVersion,
        action: link.decision === 'reject' ? { kind: 'reject', note: reason } : { kind: 'approve' },
      }),
  });
}
