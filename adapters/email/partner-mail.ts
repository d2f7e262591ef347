import type { AccessRequest, EmailNotice } from '../../core/index';
import type { LinkDecision } from './links/link-signer';
import { accessDecisionEmail } from './templates/access-decision.email';
import { accessRequestEmail } from './templates/access-request.email';
import type { NoticeEmail } from './templates/notice.email';
import { customerStatusEmail, customerWelcomeEmail, servicesSetupOfferEmail } from './templates/customer.email';
import { orderSummaryEmail, setupProgressEmail } from './templates/order-summary.email';
import { provisioningEmail } from './templates/provisioning.email';
import { supportCaseEmail } from './templates/support-case.email';

/**
 * Mail to partners: a line's provisioning contact, an order's placer asked for access,
 * the requester told the decision; and the partner's support cases, which support
 * answers to the same allowlisted sender. It goes from MAIL_FROM through the bot's own mail
 * server whatever the notification settings say, since that sender is the one partners
 * are asked to allowlist ("Make sure to have your IT Admin allow these email addresses",
 * ccw-resend-provisioning-email).
 */
export type PartnerNotice = Extract<
  EmailNotice,
  {
    kind:
      | 'provisioning-email'
      | 'access-request'
      | 'access-decision'
      | 'customer-status'
      | 'customer-welcome'
      | 'support-case'
      | 'services-setup-offer'
      | 'order-summary'
      | 'services-setup-progress';
  }
>;

const PARTNER_KINDS: ReadonlySet<EmailNotice['kind']> = new Set([
  'provisioning-email',
  'access-request',
  'access-decision',
  'customer-status',
  'customer-welcome',
  'support-case',
  'services-setup-offer',
  'order-summary',
  'services-setup-progress',
]);

/** Also a new customer's administrator and its creator, and a services setup's: people outside provbot's notification groups. */
export const isPartnerNotice = (notice: EmailNotice): notice is PartnerNotice => PARTNER_KINDS.has(notice.kind);

export interface PartnerMailContext {
  adminPortalUrl: string;
  senderAddress: string;
  now: Date;
  linkLifetimeMs: number;
  /** A signed one-click decision link for the request's approver. */
  accessLink(request: AccessRequest, decision: LinkDecision, expiresAt: Date): string;
}

export function partnerMail(notice: PartnerNotice, ctx: PartnerMailContext): NoticeEmail {
  switch (notice.kind) {
    case 'provisioning-email': {
      const { order, line } = notice;
      const content = provisioningEmail({ order, line, adminPortalUrl: ctx.adminPortalUrl, senderAddress: ctx.senderAddress });
      return { content, headers: { 'X-Provbot-Kind': 'provisioning', 'X-Provbot-Order': order.number } };
    }
    case 'access-request': {
      const { request, order } = notice;
      const linksExpireAt = new Date(ctx.now.getTime() + ctx.linkLifetimeMs);
      const approveUrl = ctx.accessLink(request, 'approve', linksExpireAt);
      const declineUrl = ctx.accessLink(request, 'decline', linksExpireAt);
      const content = accessRequestEmail({ request, order, approveUrl, declineUrl, linksExpireAt });
      return { content, headers: { 'X-Provbot-Kind': 'access-request', ...subjectHeader(request) } };
    }
    case 'customer-welcome':
      return {
        content: customerWelcomeEmail(notice),
        headers: { 'X-Provbot-Kind': 'customer-welcome', 'X-Provbot-Customer': notice.customer.id },
      };
    case 'customer-status':
      return {
        content: customerStatusEmail(notice),
        headers: { 'X-Provbot-Kind': 'customer-status', 'X-Provbot-Customer': notice.customer.id },
      };
    case 'services-setup-offer':
      return {
        content: servicesSetupOfferEmail(notice),
        headers: {
          'X-Provbot-Kind': 'services-setup-offer',
          'X-Provbot-Customer': notice.customer.id,
          'X-Provbot-Order': notice.orderNumber,
        },
      };
    case 'access-decision':
      return {
        content: accessDecisionEmail({ request: notice.request }),
        headers: { 'X-Provbot-Kind': 'access-decision', ...subjectHeader(notice.request) },
      };
    case 'order-summary':
      return {
        content: orderSummaryEmail(notice),
        headers: { 'X-Provbot-Kind': 'order-summary', 'X-Provbot-Customer': notice.summary.customerId },
      };
    case 'services-setup-progress':
      return {
        content: setupProgressEmail(notice),
        headers: { 'X-Provbot-Kind': 'services-setup-progress', 'X-Provbot-Customer': notice.summary.customerId },
      };
    case 'support-case':
      return {
        content: supportCaseEmail(notice),
        headers: { 'X-Provbot-Kind': 'support-case', 'X-Provbot-Order': notice.order.number, 'X-Provbot-Case': notice.supportCase.number },
      };
  }
}

/** What an access request is about: its order, or the partner domain for an onboarding write. */
const subjectHeader = (request: AccessRequest): Record<string, string> =>
  request.orderNumber === null ? { 'X-Provbot-Domain': request.domain } : { 'X-Provbot-Order': request.orderNumber };
