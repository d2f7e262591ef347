import type { ActivityMessage, EmailNotice } from '../../../core/index';
import type { PartnerNotice } from '../partner-mail';
import { activityEmail } from './activity.email';
import { billingReminderEmail } from './billing-reminder.email';
import { connectActivationEmail } from './connect-activation.email';
import { formatInstant } from './describe-request';
import type { ActivityLinks } from './describe-notice';
import { isActivityClosed } from './describe-work-order';
import { digestEmail } from './digest.email';
import type { EmailContent } from './email-layout';
import { orderOutcomeEmail } from './order-outcome.email';
import { systemAlertEmail } from './system-alert.email';
import { testEmail } from './test.email';

export interface NoticeEmailContext {
  to: string;
  /** Signed links for one open approval, for this recipient; null when they may get none (an external address). */
  linksFor: ((item: ActivityMessage) => ActivityLinks) | null;
  adminPortalUrl: string;
  senderAddress: string;
  from: string;
  /** The transport's description, shown by a test email. */
  server: string;
  now: Date;
}

export interface NoticeEmail {
  content: EmailContent;
  /** X-Provbot-* headers: what the email is about, for filters and support. */
  headers: Record<string, string>;
}

/** Any notice the outbox delivers by email but mail to partners (partner-mail.ts), rendered for one address. */
export function noticeEmail(notice: Exclude<EmailNotice, PartnerNotice>, ctx: NoticeEmailContext): NoticeEmail {
  const linksFor = (item: ActivityMessage) =>
    ctx.linksFor && item.activity.kind === 'Approval' && !isActivityClosed(item.activity) ? ctx.linksFor(item) : null;
  switch (notice.kind) {
    case 'activity':
      return {
        content: activityEmail({ ...notice, to: ctx.to, links: linksFor(notice) }),
        headers: {
          'X-Provbot-Kind': notice.escalatedAfterMinutes !== null ? 'escalation' : 'activity',
          'X-Provbot-Order': notice.order.number,
          'X-Provbot-Activity': notice.activity.kind,
        },
      };
    case 'digest':
      return {
        content: digestEmail({ notice, to: ctx.to, linksFor }),
        headers: { 'X-Provbot-Kind': 'digest', 'X-Provbot-Activity': notice.eventType, 'X-Provbot-Domain': notice.domain },
      };
    case 'system-alert':
      return { content: systemAlertEmail(notice), headers: { 'X-Provbot-Kind': `system-alert`, 'X-Provbot-Event': notice.eventType } };
    case 'order-outcome':
      return {
        content: orderOutcomeEmail(notice),
        headers: { 'X-Provbot-Kind': `order-${notice.outcome}`, 'X-Provbot-Order': notice.order.number },
      };
    case 'billing-reminder':
      return {
        content: billingReminderEmail({
          ...notice,
          to: ctx.to,
          adminPortalUrl: ctx.adminPortalUrl,
          senderAddress: ctx.senderAddress,
          now: ctx.now,
        }),
        headers: { 'X-Provbot-Kind': 'billing-reminder', 'X-Provbot-Order': notice.order.number },
      };
    case 'connect-activation':
      return {
        content: connectActivationEmail({ ...notice, adminPortalUrl: ctx.adminPortalUrl }),
        headers: { 'X-Provbot-Kind': `connect-activation-${notice.stage}` },
      };
    case 'test':
      return {
        content: testEmail({ scope: notice.scope, server: ctx.server, from: ctx.from, sentAt: formatInstant(ctx.now) }),
        headers: { 'X-Provbot-Kind': 'test' },
      };
  }
}
