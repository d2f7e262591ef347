import type { ConnectActivationStage } from '../../../core/index';
import { formatInstant } from './describe-request';
import type { EmailContent } from './email-layout';
import { composeEmail, fields, link, paragraph } from './email-layout';

export interface ConnectActivationEmailInput {
  stage: ConnectActivationStage;
  customerName: string;
  adminEmail: string;
  deadline: Date;
  adminPortalUrl: string;
}

/**
 * Seed (Control Hub, "Provision Webex Connect digital services"): the administrator
 * follows the Cisco email first, then the Webex Connect email, and "Your admin account
 * will be activated in Connect the first time you log in. If you don't activate your
 * account within 7 business days, you'll need to be added again from either Control
 * Hub or Connect."
 */
export function connectActivationEmail(input: ConnectActivationEmailInput): EmailContent {
  const facts = fields([
    ['Customer', input.customerName],
    ['Administrator', input.adminEmail],
    ['Activation deadline', formatInstant(input.deadline)],
  ]);
  if (input.stage === 'reminder')
    return composeEmail(`Activate your Webex Connect account for ${input.customerName} by ${formatInstant(input.deadline)}`, [
      paragraph('Hello,'),
      paragraph(
        `Your Webex Connect administrator account for ${input.customerName} is not activated yet. `,
        'Open the email from Cisco first and follow its link; then open the email from Webex Connect and sign in: ',
        'your account is activated the first time you sign in to Connect.',
      ),
      paragraph(`If it is not activated by ${formatInstant(input.deadline)}, you will need to be added again from Control Hub or Connect.`),
      facts,
    ]);
  if (input.stage === 'expired')
    return composeEmail(`Your Webex Connect account for ${input.customerName} was not activated in time`, [
      paragraph('Hello,'),
      paragraph(
        `The 7 business days to activate your Webex Connect administrator account for ${input.customerName} have passed. `,
        'You need to be added again from Control Hub (',
        link(input.adminPortalUrl),
        ') or from Connect: ask a full administrator of your organization or your partner.',
      ),
      facts,
    ]);
  return composeEmail(`${input.customerName}: the administrator did not activate Webex Connect in time`, [
    paragraph('Hello,'),
    paragraph(
      `${input.adminEmail} did not activate their Webex Connect administrator account for ${input.customerName} within 7 business days. `,
      'They need to be added again from Control Hub (',
      link(input.adminPortalUrl),
      ') or from Connect.',
    ),
    facts,
  ]);
}
