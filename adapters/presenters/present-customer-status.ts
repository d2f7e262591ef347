import type { Customer, CustomerStatus, PostalAddress, ServicesSetupOfferNotice } from '../../core/index';
import { SUPPORTED_COUNTRIES } from '../../core/index';
import type { Field, Tone, View, ViewAction } from './view';
import { packageLabel, packageOutcome } from './webex-packages';

/** Each status in words, with the tone it is shown in. */
export const CUSTOMER_STATUS_WORDS: Record<CustomerStatus, { label: string; tone: Tone; says: string }> = {
  provisioning: { label: 'Provisioning', tone: 'info', says: 'is being created on Webex; this takes a few minutes' },
  provisioned: {
    label: 'Provisioned',
    tone: 'success',
    says: 'is provisioned: its organization exists and its administrator has the welcome email',
  },
  provisioned_with_errors: {
    label: 'Provisioned with errors',
    tone: 'warning',
    says: 'is provisioned, but some packages failed (below); its administrator has the welcome email',
  },
  error: { label: 'Error', tone: 'error', says: 'could not be created on Webex' },
  pending_compliance_review: {
    label: 'Pending compliance review',
    tone: 'warning',
    says: 'is waiting for a compliance review by Cisco before it can be created; this message is updated when it ends',
  },
};

/** "Each package with its own status and reasons": one line per package. */
export function packageFields(customer: Customer): Field[] {
  return customer.packageResults.map((p) => ({ label: packageLabel(p.name), value: packageOutcome(p) }));
}

/** An address on one line, the country by its name. */
export function addressText(a: PostalAddress): string {
  const country = SUPPORTED_COUNTRIES[a.country] ?? a.country;
  return [a.addressLine1, a.addressLine2, a.city, a.stateOrProvince, a.postalCode, country].filter(Boolean).join(', ');
}

/** The button both entry points offer: it opens the wizard as `services setup <customer>` does. */
export const openServicesSetupAction = (customer: Customer): ViewAction => ({
  id: 'services-setup.open',
  label: 'Set up the services now',
  value: customer.id,
  style: 'primary',
});

/** Control Hub's question, for this customer: "Do you want to set up the services for the customer?" */
export const setupQuestion = (customer: Customer): string => `Set up the services for ${customer.name} now?`;

/**
 * The creator's status message as of `status`: what was asked (administrator, packages,
 * headquarters), each package's outcome with Webex's reasons once known, and, when the
 * core offers it, the question with the button that opens the services setup.
 */
export function presentCustomerStatus(customer: Customer, status: CustomerStatus, o: { offerServicesSetup?: boolean } = {}): View {
  const words = CUSTOMER_STATUS_WORDS[status];
  const headquarters = customer.locations.find((l) => l.headquarters);
  const view: View = {
    title: `${customer.name}: ${words.label}`,
    tone: words.tone,
    paragraphs: [`The customer ${customer.name} ${words.says}.`],
    fields: [
      { label: 'Administrator', value: customer.adminEmail },
      { label: 'Packages', value: customer.packages.map(packageLabel).join(', ') },
      ...(headquarters ? [{ label: 'Headquarters', value: addressText(headquarters.address) }] : []),
      ...packageFields(customer),
    ],
  };
  if (!o.offerServicesSetup) return view;
  return { ...view, paragraphs: [...view.paragraphs, setupQuestion(customer)], actions: [openServicesSetupAction(customer)] };
}

/**
 * An order's placer, once the customer for its subscription exists: "Thank you. The
 * order has been mapped correctly", then the question with the wizard's button.
 */
export function presentServicesSetupOffer(notice: ServicesSetupOfferNotice): View {
  const { customer, orderNumber } = notice;
  return {
    title: setupQuestion(customer),
    tone: 'success',
    paragraphs: [
      `Order ${orderNumber} is mapped to the new Webex organization of ${customer.name}: its lines are onboarded.`,
      'The services setup wizard configures its contact center; you can also open it later with "services setup" and the customer name.',
    ],
    actions: [openServicesSetupAction(customer)],
  };
}
