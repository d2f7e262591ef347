import type { Customer, CustomerStatus, ServicesSetupOfferNotice } from '../../../core/index';
import { CUSTOMER_STATUS_WORDS, presentServicesSetupOffer } from '../../presenters/present-customer-status';
import { packageLabel, packageOutcome } from '../../presenters/webex-packages';
import type { EmailContent } from './email-layout';
import { buttons, composeEmail, fields, paragraph } from './email-layout';

/**
 * The customer's administrator welcomed once the organization exists ("The
 * administrator gets the welcome email with a Get Started link to ADMIN_PORTAL_URL").
 */
export function customerWelcomeEmail(input: { customer: Customer; adminPortalUrl: string }): EmailContent {
  const { customer, adminPortalUrl } = input;
  return composeEmail(`Welcome to Webex, ${customer.name}`, [
    paragraph('Hello,'),
    paragraph(
      `Your Webex organization for ${customer.name} is ready, and you are its administrator. ` +
        'Sign in to the admin portal to set up your users, locations and services.',
    ),
    buttons([{ label: 'Get Started', href: adminPortalUrl }]),
    fields([['Packages', customer.packages.map(packageLabel).join(', ')]]),
  ]);
}

/** The creator, when they asked through the API with an address: how creation went. */
export function customerStatusEmail(input: { customer: Customer; status: CustomerStatus }): EmailContent {
  const { customer, status } = input;
  const words = CUSTOMER_STATUS_WORDS[status];
  return composeEmail(`${customer.name}: ${words.label}`, [
    paragraph(`The customer ${customer.name} ${words.says}.`),
    fields([
      ['Administrator', customer.adminEmail],
      ...customer.packageResults.map((p): [string, string] => [packageLabel(p.name), packageOutcome(p)]),
    ]),
  ]);
}

/**
 * The offer to an order's placer is posted in chat, where its button opens the wizard;
 * should it ever go by email, the same words without the button.
 */
export function servicesSetupOfferEmail(notice: ServicesSetupOfferNotice): EmailContent {
  const view = presentServicesSetupOffer(notice);
  return composeEmail(
    view.title,
    view.paragraphs.map((p) => paragraph(p)),
  );
}
