import type { Customer, CustomerStatus } from '../../core/index';
import type { Field, Tone, View } from './view';
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
    says: 'is waiting for a compliance review by Cisco before it can be created; I will tell you how it ends',
  },
};

/** "Each package with its own status and reasons": one line per package. */
export function packageFields(customer: Customer): Field[] {
  return customer.packageResults.map((p) => ({ label: packageLabel(p.name), value: packageOutcome(p) }));
}

/** The creator told where their customer's creation stands (`status` as of the notice). */
export function presentCustomerStatus(customer: Customer, status: CustomerStatus): View {
  const words = CUSTOMER_STATUS_WORDS[status];
  return {
    title: `${customer.name}: ${words.label}`,
    tone: words.tone,
    paragraphs: [`The customer ${customer.name} ${words.says}.`],
    fields: [
      { label: 'Administrator', value: customer.adminEmail },
      { label: 'Packages', value: customer.packages.map(packageLabel).join(', ') },
      ...packageFields(customer),
    ],
  };
}
