import type { AccessRequest, Order } from '../../../core/index';
import { describeChannel, describeRequest, describeRequester, formatInstant } from './describe-request';
import type { EmailContent } from './email-layout';
import { buttons, composeEmail, fields, note, paragraph } from './email-layout';

export interface AccessRequestEmailInput {
  request: AccessRequest;
  /** Null for a request about the partner domain (an onboarding write). */
  order: Order | null;
  /** Signed one-click links; each opens a confirmation page, so a mail scanner opening them decides nothing. */
  approveUrl: string;
  declineUrl: string;
  linksExpireAt: Date;
}

/**
 * "Scenario 1: If you do not have access to resend the email from CCW. Reach out to the
 * contact who placed the order" (ccw-resend-provisioning-email): the placer gets the
 * request with Approve and Decline links; on approval provbot does it for the requester.
 */
export function accessRequestEmail(input: AccessRequestEmailInput): EmailContent {
  const { request, order } = input;
  if (!order) return domainRequestEmail(input);
  const subject = `Approval needed: ${request.requester.name} asks about order ${order.number}`;
  return composeEmail(subject, [
    paragraph(`Hello ${request.approver?.name ?? order.placedBy.name},`),
    paragraph(`${describeRequest(request)}.`),
    paragraph(
      `You placed this order, so provbot asks you first. If you approve, provbot does it for ${request.requester.name} `,
      'and tells them the result; if you decline, nothing changes.',
    ),
    fields([['Order number', order.number], ['Subscription', order.subscriptionId], ['Offer', order.offer], ...whoAsked(request)]),
    decisionLinks(input),
    note(
      `Each link opens a page that asks you to confirm; nothing happens until you press its button. `,
      `The links work until ${formatInstant(input.linksExpireAt)}. If this request also reached you in Slack or Teams, `,
      'answer wherever is convenient: the first answer counts.',
    ),
    note(`If you do not know ${describeRequester(request.requester)}, decline.`),
  ]);
}

/** To each Administrator of the partner domain: any one of them decides; the first answer counts. */
function domainRequestEmail(input: AccessRequestEmailInput): EmailContent {
  const { request } = input;
  return composeEmail(`Approval needed: ${request.requester.name} asks for an onboarding change in ${request.domain}`, [
    paragraph(`Hello,`),
    paragraph(`${describeRequest(request)}.`),
    paragraph(
      `That needs the Administrator role in ${request.domain}, which you hold, so provbot asks its administrators. `,
      `If you approve, provbot does it for ${request.requester.name} and tells them the result; if you decline, nothing changes.`,
    ),
    fields([['Partner domain', request.domain], ...whoAsked(request)]),
    decisionLinks(input),
    note(
      `Each link opens a page that asks you to confirm; nothing happens until you press its button. `,
      `The links work until ${formatInstant(input.linksExpireAt)}. The other administrators got this request too: the first answer counts.`,
    ),
    note(`If you do not know ${describeRequester(request.requester)}, decline.`),
  ]);
}

/** Who asked, how and when: the same rows on every request email. */
function whoAsked(request: AccessRequestEmailInput['request']): [string, string][] {
  return [
    ['Requested by', describeRequester(request.requester)],
    ['Asked via', describeChannel(request.requester.channel)],
    ['Asked at', formatInstant(request.createdAt)],
  ];
}

const decisionLinks = (input: AccessRequestEmailInput) =>
  buttons([
    { label: 'Approve', href: input.approveUrl },
    { label: 'Decline', href: input.declineUrl },
  ]);
