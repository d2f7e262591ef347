import type { Order, OrderLine } from '../../../core/index';
import { policyWindowDays } from '../../../core/index';
import { formatInstant } from './describe-request';
import { sameAddress } from './describe-notice';
import type { Block, EmailContent } from './email-layout';
import { composeEmail, fields, link, note, paragraph } from './email-layout';

export interface BillingReminderEmailInput {
  order: Order;
  line: OrderLine;
  /** 'before': the window ends soon; 'closed': it ended, billing began, provisioning is still pending. */
  stage: 'before' | 'closed';
  /** The reminder's lead time, used when the line has no window end to count from. */
  days: number;
  /** The provisioning contact or the partner who placed the order; the wording differs. */
  to: string;
  adminPortalUrl: string;
  senderAddress: string;
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Beyond the seed, built on its rule: "If you fail to complete the provisioning process
 * within policy-defined days of receiving the email (7 days for A-Flex and A-Flex-3, 30
 * days for the rest of the collab offers), your subscription will begin billing, and the
 * order line will close" (ccw-change-provisioning-contact). The contact is reminded to
 * set up; the partner is reminded they can still resend or change the contact "until
 * an organization is onboarded" (ccw-resend-provisioning-email). Past that point both
 * are told the same: the contact or an admin completes the setup at the portal.
 */
export function billingReminderEmail(input: BillingReminderEmailInput): EmailContent {
  const { order, line, stage } = input;
  const what = `order ${order.number}, line ${line.lineNumber} (${line.product})`;
  const contact = sameAddress(input.to, line.provisioningContactEmail);
  const subject =
    stage === 'before' ? `Billing begins ${when(input)}: set up ${what}` : `Billing has begun: ${what} closed with provisioning pending`;
  return composeEmail(subject, [
    paragraph(sameAddress(input.to, order.placedBy.email) ? `Hello ${order.placedBy.name},` : 'Hello,'),
    ...(stage === 'before' ? beforeBlocks(input, contact) : closedBlocks(input, contact)),
    fields([
      ['Order number', order.number],
      ['Subscription', order.subscriptionId],
      ['Offer', order.offer],
      ['Line', `${line.lineNumber} (${line.product})`],
      ['Provisioning contact', line.provisioningContactEmail],
      ['Provisioning email sent', line.provisioningEmailSentAt ? formatInstant(line.provisioningEmailSentAt) : 'not yet'],
    ]),
    contact ? contactNote(input) : partnerNote(input),
  ]);
}

/** "on 2026-11-27 10:00 UTC (in 3 days)", counted from now so a late delivery still says the truth. */
function when({ line, days, now }: BillingReminderEmailInput): string {
  if (!line.windowEndsAt) return `in ${days} day${days === 1 ? '' : 's'}`;
  const left = Math.max(0, Math.ceil((line.windowEndsAt.getTime() - now.getTime()) / DAY_MS));
  return `on ${formatInstant(line.windowEndsAt)} (in ${left} day${left === 1 ? '' : 's'})`;
}

function beforeBlocks(input: BillingReminderEmailInput, contact: boolean): Block[] {
  const { order, line } = input;
  const policy = `the ${policyWindowDays(order.offer)}-day policy window for ${order.offer}`;
  const lead = contact
    ? `You are the provisioning contact for line ${line.lineNumber} of order ${order.number}, and its services are not set up yet.`
    : `Line ${line.lineNumber} of order ${order.number} is not set up yet: the provisioning contact ${line.provisioningContactEmail} has not completed provisioning.`;
  return [
    paragraph(lead),
    paragraph(
      `Billing begins ${when(input)}, when ${policy} ends: the subscription will begin billing and the order line will close, `,
      'whether or not the services are set up.',
    ),
    contact
      ? paragraph('To set up the services, sign in at ', link(input.adminPortalUrl), '.')
      : paragraph('The provisioning contact or an admin sets them up by signing in at ', link(input.adminPortalUrl), '.'),
  ];
}

function closedBlocks(input: BillingReminderEmailInput, contact: boolean): Block[] {
  const { order, line } = input;
  const closed = line.closedAt ? ` on ${formatInstant(line.closedAt)}` : '';
  // "These orders can be identified by the message indicating that the provisioning is still pending."
  return [
    paragraph(
      `${contact ? `The line you are the provisioning contact for, line ${line.lineNumber} of order ${order.number},` : `Line ${line.lineNumber} of order ${order.number}`} `,
      `closed${closed}: the ${policyWindowDays(order.offer)}-day policy window ended, billing has begun, and provisioning is still pending.`,
    ),
    paragraph('The services can still be set up at ', link(input.adminPortalUrl), '.'),
  ];
}

/**
 * Past the PONR the contact is not sent to the partner for a resend the partner can no
 * longer do: "Once the organization is onboarded, you cannot resend the provisioning
 * email. Either provisioning contact or admin can complete the service set up by
 * logging into" the portal (ccw-resend-provisioning-email), the same words as partnerNote.
 */
function contactNote(input: BillingReminderEmailInput): Block {
  if (input.line.ponrAt) {
    return note(
      'Your organization is already onboarded, so the provisioning email can no longer be sent again; ',
      'you, as the provisioning contact, or an admin of your organization can complete the setup by signing in at ',
      link(input.adminPortalUrl),
      '.',
    );
  }
  return note(
    `Cannot find the provisioning email? Check the spam or junk folder, ask your IT admin to allow the sender ${input.senderAddress}, `,
    `or ask ${input.order.placedBy.name} (${input.order.placedBy.email}), who placed the order, to send it again.`,
  );
}

/**
 * "Once the organization is onboarded, you cannot resend the provisioning email. Either
 * provisioning contact or admin can complete the service set up by logging into" the portal.
 */
function partnerNote(input: BillingReminderEmailInput): Block {
  const { order, line } = input;
  if (line.ponrAt) {
    return note(
      'The organization is already onboarded, so the provisioning email can no longer be resent; the provisioning contact or an admin can complete the setup at ',
      link(input.adminPortalUrl),
      '.',
    );
  }
  return note(
    `If the contact did not get the provisioning email, resend it with "resend ${order.number} ${line.lineNumber}" `,
    `or change the contact with "contact ${order.number} ${line.lineNumber} <new email>" (in Slack, after /prov; in Microsoft Teams, sent to provbot). `,
    'Both work until the organization is onboarded in the admin portal.',
  );
}
