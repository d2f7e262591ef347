import type { AccessRequest, Activity, Clock, DirectoryUser, EmailNotifier, Order, OrderLine, Subscriber, WorkOrder } from '../../core/index';
import { systemClock } from '../../core/index';
import type { ActivityLinkDecision, LinkDecision, LinkSigner } from './links/link-signer';
import { ACTIVITY_LINK_LIFETIME_MS, DEFAULT_LINK_LIFETIME_MS } from './links/link-signer';
import type { MailTransport } from './mail-transport';
import { accessDecisionEmail } from './templates/access-decision.email';
import { activityEmail } from './templates/activity.email';
import { orderOutcomeEmail } from './templates/order-outcome.email';
import { accessRequestEmail } from './templates/access-request.email';
import { describeAction, describeRequester } from './templates/describe-request';
import type { EmailContent } from './templates/email-layout';
import { provisioningEmail } from './templates/provisioning.email';

export interface EmailNotifierOptions {
  transport: MailTransport;
  /** MAIL_FROM, e.g. "provbot <provbot@partner.example>". */
  from: string;
  /** Base URL of provbot's HTTP server, where /links/access/:token and /links/activity/:token are mounted. */
  publicUrl: string;
  adminPortalUrl: string;
  links: LinkSigner;
  clock?: Clock;
  linkLifetimeMs?: number;
  activityLinkLifetimeMs?: number;
}

/**
 * The core's EmailNotifier over a MailTransport. Send failures propagate as the
 * transport's readable Error: the core records that message as why a line's
 * provisioning email Failed.
 */
export function createEmailNotifier(options: EmailNotifierOptions): EmailNotifier {
  const { transport, from, links } = options;
  const clock = options.clock ?? systemClock;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const senderAddress = bareAddress(from);
  const lifetime = options.linkLifetimeMs ?? DEFAULT_LINK_LIFETIME_MS;
  const activityLifetime = options.activityLinkLifetimeMs ?? ACTIVITY_LINK_LIFETIME_MS;

  const send = async (to: string, content: EmailContent, kind: string, orderNumber: string, extra: Record<string, string> = {}) => {
    await transport.send({
      from,
      to,
      ...content,
      headers: {
        // RFC 3834: automatic mail, so out-of-office responders do not answer it.
        'Auto-Submitted': 'auto-generated',
        'X-Provbot-Kind': kind,
        'X-Provbot-Order': orderNumber,
        ...extra,
      },
    });
  };

  const accessLink = (request: AccessRequest, decision: LinkDecision, expiresAt: Date) =>
    `${publicUrl}/links/access/${links.sign({
      requestId: request.id,
      decision,
      approverEmail: request.approver.email,
      approverName: request.approver.name,
      requester: describeRequester(request.requester),
      action: `${describeAction(request.action)} on order ${request.orderNumber}`,
      expiresAt,
    })}`;

  /** One recipient's link: it names them, so the decision is made as them and no one else. */
  const activityLink = (activity: Activity, order: WorkOrder, to: DirectoryUser, decision: ActivityLinkDecision, expiresAt: Date) =>
    `${publicUrl}/links/activity/${links.signActivity({
      activityId: activity.id,
      decision,
      recipientEmail: to.email,
      orderNumber: order.number,
      orderVersion: order.version,
      expiresAt,
    })}`;

  return {
    senderAddress,

    async sendProvisioningEmail({ order, line, to }: { order: Order; line: OrderLine; to: string }) {
      const content = provisioningEmail({ order, line, adminPortalUrl: options.adminPortalUrl, senderAddress });
      await send(to, content, 'provisioning', order.number);
    },

    async sendAccessRequest({ request, order }: { request: AccessRequest; order: Order }) {
      const linksExpireAt = new Date(clock.now().getTime() + lifetime);
      const content = accessRequestEmail({
        request,
        order,
        approveUrl: accessLink(request, 'approve', linksExpireAt),
        declineUrl: accessLink(request, 'decline', linksExpireAt),
        linksExpireAt,
      });
      await send(request.approver.email, content, 'access-request', order.number);
    },

    async sendAccessDecision({ request, to }: { request: AccessRequest; to: string }) {
      await send(to, accessDecisionEmail({ request }), 'access-decision', request.orderNumber);
    },

    async sendActivity({ activity, order, subscriber, to }: { activity: Activity; order: WorkOrder; subscriber: Subscriber | null; to: DirectoryUser[] }) {
      const expiresAt = new Date(clock.now().getTime() + activityLifetime);
      const recipients = uniqueByEmail(to);
      // Every recipient gets their copy even when one address fails; the failures are reported together.
      const results = await Promise.allSettled(
        recipients.map((recipient) => {
          const approval = activity.kind === 'Approval';
          const content = activityEmail({
            activity,
            order,
            subscriber,
            recipient,
            links: approval
              ? {
                  approveUrl: activityLink(activity, order, recipient, 'approve', expiresAt),
                  declineUrl: activityLink(activity, order, recipient, 'reject', expiresAt),
                  expiresAt,
                }
              : undefined,
          });
          return send(recipient.email, content, 'activity', order.number, { 'X-Provbot-Activity': activity.kind });
        }),
      );
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${recipients[i]!.email}: ${reason(r.reason)}`] : []));
      if (failed.length > 0) throw new Error(`Could not send the ${activity.kind.toLowerCase()} email to ${failed.length} of ${recipients.length} recipients (${failed.join('; ')})`);
    },

    /**
     * `approval` is optional and not (yet) in the port: when the core passes the deciding
     * Approval, the rejected email says who rejected the order and when.
     */
    async sendOrderOutcome(input: { order: WorkOrder; subscriber: Subscriber; outcome: 'provisioned' | 'rejected'; approval?: Activity | null }) {
      const content = orderOutcomeEmail(input);
      await send(input.subscriber.email, content, `order-${input.outcome}`, input.order.number);
    },
  };
}

/** The same person twice (a user assignee who is also in the group) gets one email. */
function uniqueByEmail(users: DirectoryUser[]): DirectoryUser[] {
  const seen = new Set<string>();
  return users.filter((u) => {
    const key = u.email.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** "provbot <provbot@x.com>" → "provbot@x.com": what a partner's IT admin allowlists. */
export function bareAddress(from: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (angle?.[1] ?? from).trim();
}
