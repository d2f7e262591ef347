import type { AccessRequest, Clock, EmailNotifier, Order, OrderLine } from '../../core/index';
import { systemClock } from '../../core/index';
import type { LinkDecision, LinkSigner } from './links/link-signer';
import { DEFAULT_LINK_LIFETIME_MS } from './links/link-signer';
import type { MailTransport } from './mail-transport';
import { accessDecisionEmail } from './templates/access-decision.email';
import { accessRequestEmail } from './templates/access-request.email';
import { describeAction, describeRequester } from './templates/describe-request';
import type { EmailContent } from './templates/email-layout';
import { provisioningEmail } from './templates/provisioning.email';

export interface EmailNotifierOptions {
  transport: MailTransport;
  /** MAIL_FROM, e.g. "provbot <provbot@partner.example>". */
  from: string;
  /** Base URL of provbot's HTTP server, where /links/access/:token is mounted. */
  publicUrl: string;
  adminPortalUrl: string;
  links: LinkSigner;
  clock?: Clock;
  linkLifetimeMs?: number;
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

  const send = async (to: string, content: EmailContent, kind: string, orderNumber: string) => {
    await transport.send({
      from,
      to,
      ...content,
      headers: {
        // RFC 3834: automatic mail, so out-of-office responders do not answer it.
        'Auto-Submitted': 'auto-generated',
        'X-Provbot-Kind': kind,
        'X-Provbot-Order': orderNumber,
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
  };
}

/** "provbot <provbot@x.com>" → "provbot@x.com": what a partner's IT admin allowlists. */
export function bareAddress(from: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (angle?.[1] ?? from).trim();
}
