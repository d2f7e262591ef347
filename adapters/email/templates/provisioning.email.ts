import type { Order, OrderLine } from '../../../core/index';
import { policyWindowDays } from '../../../core/index';
import type { Block, EmailContent } from './email-layout';
import { composeEmail, fields, link, list, note, paragraph } from './email-layout';
import { formatInstant } from './describe-request';

export interface ProvisioningEmailInput {
  order: Order;
  line: OrderLine;
  /** Where the provisioning contact signs in to set up the services. */
  adminPortalUrl: string;
  /** The From address, which the contact's IT admin should allow. */
  senderAddress: string;
}

/**
 * "The initial Provisioning email is sent to the appropriate provisioning contact
 * listed in the order on the Requested Start Date (RSD)" (ccw-resend-provisioning-email).
 * It tells the contact what was bought, how to set it up, and the policy window.
 */
export function provisioningEmail(input: ProvisioningEmailInput): EmailContent {
  const { order, line, adminPortalUrl } = input;
  const subject = `Set up your services: order ${order.number}, line ${line.lineNumber} (${line.product})`;
  const blocks: Block[] = [
    paragraph('Hello,'),
    paragraph(
      `You are the provisioning contact for line ${line.lineNumber} of order ${order.number}. `,
      'The services below are ready for you to set up.',
    ),
    fields([
      ['Order number', order.number],
      ['Subscription', order.subscriptionId],
      ['Offer', order.offer],
      ['Line', String(line.lineNumber)],
      ['Product', line.product],
      ['Requested start date', order.requestedStartDate],
    ]),
    paragraph('What to do:'),
    list([
      ['Sign in at ', link(adminPortalUrl), '.'],
      [`Complete the service setup for subscription ${order.subscriptionId}, line ${line.lineNumber} (${line.product}).`],
    ]),
    policyBlock(order, line, adminPortalUrl),
    note(
      `Not the right person to set this up? Ask ${order.placedBy.name} (${order.placedBy.email}), who placed the order, `,
      'to change the provisioning contact.',
    ),
    // "Make sure to have your IT Admin allow these email addresses, so messages don't go to spam/junk folders".
    note(`To keep messages about this order out of spam or junk folders, ask your IT admin to allow the sender ${input.senderAddress}.`),
  ];
  return composeEmail(subject, blocks);
}

/**
 * "If you fail to complete the provisioning process within policy-defined days of
 * receiving the email (7 days for A-Flex and A-Flex-3, 30 days for the rest of the
 * collab offers), your subscription will begin billing, and the order line will close"
 * (ccw-change-provisioning-contact).
 */
function policyBlock(order: Order, line: OrderLine, adminPortalUrl: string): Block {
  const days = policyWindowDays(order.offer);
  // A resend on a closed line: "These orders can be identified by the message indicating
  // that the provisioning is still pending" — billing has begun, setup is still possible.
  if (line.status === 'Closed') {
    return paragraph(
      `The ${days}-day policy window for this line has ended: billing has begun and the order line is closed, `,
      'but provisioning is still pending. You can still complete the setup at ',
      link(adminPortalUrl),
      '.',
    );
  }
  const by = line.windowEndsAt ? ` (by ${formatInstant(line.windowEndsAt)})` : '';
  return paragraph(
    `Please complete provisioning within ${days} days of receiving this email${by}. `,
    `After ${days} days your subscription will begin billing and the order line will close, `,
    `whether or not the services are set up (policy: 7 days for A-Flex and A-Flex-3, 30 days for other offers).`,
  );
}
