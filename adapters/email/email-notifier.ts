import type { AccessRequest, ActivityMessage, Clock, EmailNotice, EmailNotifier } from '../../core/index';
import { renderOrderSummaryPdf } from '../pdf/order-summary.pdf';
import { orderSummaryFileName } from '../presenters/present-setup-notices';
import { DeliveryRefused, systemClock } from '../../core/index';
import type { ActivityLinkDecision, LinkDecision, LinkSigner } from './links/link-signer';
import { ACTIVITY_LINK_LIFETIME_MS, DEFAULT_LINK_LIFETIME_MS } from './links/link-signer';
import type { MailTransport, OutgoingMail } from './mail-transport';
import { AUTOMATIC, bareAddress, messageIdFor, recipientAddress } from './outgoing-mail';
import { isPartnerNotice, partnerMail } from './partner-mail';
import { isPermanentRefusal } from './smtp-error';
import { smtpSettingsTransport } from './smtp-transport';
import { createSmtpTransportCache } from './smtp-transport-cache';
import type { ActivityLinks } from './templates/describe-notice';
import { describeAction, describeRequester } from './templates/describe-request';
import type { NoticeEmailContext } from './templates/notice.email';
import { noticeEmail } from './templates/notice.email';

export { bareAddress, messageIdFor } from './outgoing-mail';

export interface EmailNotifierOptions {
  /** The bot's own mail settings (SMTP_URL, or the .eml outbox): used when no notification SMTP settings are given. */
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
  /** Connect and greeting timeout for the mail servers named in notification settings. */
  smtpTimeoutMs?: number;
}

/** The order summary carries its PDF ("Download Order Summary (PDF)"); other notices nothing. */
async function attachmentsFor(notice: EmailNotice): Promise<NonNullable<OutgoingMail['attachments']>> {
  if (notice.kind !== 'order-summary') return [];
  const content = await renderOrderSummaryPdf(notice.summary);
  return [{ filename: orderSummaryFileName(notice.summary.customerName), content, contentType: 'application/pdf' }];
}

/** `close` is not in the port: the composition root closes what it built. */
export type ClosableEmailNotifier = EmailNotifier & { close(): Promise<void> };

/**
 * The core's EmailNotifier over a MailTransport. Send failures propagate as the
 * transport's readable Error: the outbox records it as why a delivery is retried (and a
 * line's provisioning email as why it Failed, once its delivery is dead). A refusal
 * that retrying cannot change becomes a permanent DeliveryRefused.
 */
export function createEmailNotifier(options: EmailNotifierOptions): ClosableEmailNotifier {
  const { transport, from, links } = options;
  const clock = options.clock ?? systemClock;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const senderAddress = bareAddress(from);
  const lifetime = options.linkLifetimeMs ?? DEFAULT_LINK_LIFETIME_MS;
  const activityLifetime = options.activityLinkLifetimeMs ?? ACTIVITY_LINK_LIFETIME_MS;
  const smtpTransports = createSmtpTransportCache({ timeoutMs: options.smtpTimeoutMs });

  // A domain request has no one approver: each administrator's copy names its recipient.
  const accessLink = (request: AccessRequest, decision: LinkDecision, expiresAt: Date, recipient: string) =>
    `${publicUrl}/links/access/${links.sign({
      requestId: request.id,
      decision,
      approverEmail: request.approver?.email ?? recipient,
      approverName: request.approver?.name,
      requester: describeRequester(request.requester),
      action:
        request.orderNumber === null ? describeAction(request.action) : `${describeAction(request.action)} on order ${request.orderNumber}`,
      expiresAt,
    })}`;

  /** One recipient's links: they name them, so the decision is made as them and no one else. */
  const activityLinks = (base: string, { activity, order }: ActivityMessage, recipientEmail: string, expiresAt: Date): ActivityLinks => {
    const url = (decision: ActivityLinkDecision) =>
      `${base}/links/activity/${links.signActivity({ activityId: activity.id, decision, recipientEmail, orderNumber: order.number, orderVersion: order.version, expiresAt })}`;
    return { approveUrl: url('approve'), declineUrl: url('reject'), expiresAt };
  };

  /** What every notice email needs to render, besides the notice. */
  const context = (to: string, sender: string, via: MailTransport): Omit<NoticeEmailContext, 'linksFor'> => ({
    to,
    adminPortalUrl: options.adminPortalUrl,
    senderAddress: bareAddress(sender),
    from: sender,
    server: via.description,
    now: clock.now(),
  });

  return {
    senderAddress,

    async sendNotice({ to, asUser, notice, smtp, idempotencyKey, linkBase }) {
      const address = recipientAddress(to);
      const partner = isPartnerNotice(notice);
      const via = smtp && !partner ? smtpTransports.get(smtp) : transport;
      const sender = smtp && !partner ? smtp.from : from;
      // "Email Content URL Parameters ... used to construct a URL that will appear in the email content".
      const base = (linkBase ?? publicUrl).replace(/\/+$/, '');
      const ctx = context(address, sender, via);
      const expiresAt = new Date(ctx.now.getTime() + activityLifetime);
      // Links decide as the person they were sent to: only a directory user's own copy carries them.
      const linksFor = asUser ? (item: ActivityMessage) => activityLinks(base, item, address, expiresAt) : null;
      const { content, headers } = partner
        ? partnerMail(notice, {
            adminPortalUrl: options.adminPortalUrl,
            senderAddress,
            now: ctx.now,
            linkLifetimeMs: lifetime,
            accessLink: (request, decision, at) => accessLink(request, decision, at, address),
          })
        : noticeEmail(notice, { ...ctx, linksFor });
      const attachments = await attachmentsFor(notice);
      try {
        await via.send({
          from: sender,
          to: address,
          ...content,
          ...(attachments.length ? { attachments } : {}),
          messageId: messageIdFor(idempotencyKey),
          headers: { ...AUTOMATIC, ...headers, 'X-Provbot-Delivery': idempotencyKey },
        });
      } catch (err) {
        if (isPermanentRefusal(err)) throw new DeliveryRefused((err as Error).message, { permanent: true });
        throw err;
      }
    },

    /**
     * "Send test email" (Testing Notification Settings): the settings as entered, which
     * may not be saved yet, so through a transport of their own, closed afterwards; a
     * failure rejects with the transport's message, the server's reply in it.
     */
    async sendTestEmail({ to, smtp, scope }) {
      const address = recipientAddress(to);
      const via = smtp ? smtpSettingsTransport(smtp, options.smtpTimeoutMs) : transport;
      const sender = smtp ? smtp.from : from;
      try {
        const { content, headers } = noticeEmail({ kind: 'test', scope }, { ...context(address, sender, via), linksFor: null });
        await via.send({ from: sender, to: address, ...content, headers: { ...AUTOMATIC, ...headers } });
      } finally {
        if (smtp) await via.close();
      }
    },

    /** Closes the transports of notification settings; `options.transport` belongs to whoever made it. */
    close: () => smtpTransports.closeAll(),
  };
}
