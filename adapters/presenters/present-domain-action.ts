import type { DomainAction, DomainActionDone, SubmittedSetupChoices } from '../../core/index';
import { findCountryOption, PLATFORMS, TELEPHONY } from '../../core/index';
import { presentCustomerStatus } from './present-customer-status';
import { addressText } from './present-customer-status';
import { presentTemplate } from './present-onboarding';
import type { View } from './view';

/**
 * An onboarding write a member of a partner domain asked its administrators for
 * (core/access/domain-action.ts), in the words of the request, the decision and the
 * requester's notice: "create the onboarding template Standard in acme.example".
 */
export function describeDomainAction(action: DomainAction): string {
  switch (action.kind) {
    case 'create-template':
      return `create the onboarding template ${action.template.name} in ${action.template.domain}`;
    case 'create-customer':
      return `create the customer ${action.customer.name} (administrator ${action.customer.adminEmail}) in ${action.customer.domain}`;
    case 'add-location':
      return `add the location ${action.location.name} (${addressText(action.location.address)}) to ${action.customerName}`;
    case 'add-users': {
      const { users } = action;
      const shown = users.slice(0, USERS_NAMED).map((u) => u.email);
      const more = users.length > USERS_NAMED ? ` and ${users.length - USERS_NAMED} more` : '';
      return `add ${users.length === 1 ? '1 user' : `${users.length} users`} (${shown.join(', ')}${more}) to ${action.customerName}`;
    }
    case 'submit-services-setup':
      return `submit the services setup of ${action.customerName} (${setupChoicesText(action.setup)})`;
    case 'resend-consent-email':
      return `resend the consent email to ${action.email}, a user of ${action.customerName}`;
  }
}

/** A request names a few of its users; a result lists more, each with its outcome, within a chat message's size. */
const USERS_NAMED = 3;
const RESULTS_LISTED = 20;

/** What the approved write did: the same view as when an administrator does it directly. */
export function presentDomainActionDone(result: DomainActionDone): View {
  switch (result.kind) {
    case 'template-created': {
      const view = presentTemplate(result.template);
      return { ...view, title: `Onboarding template ${result.template.name} created`, tone: 'success' };
    }
    case 'customer-created':
      return presentCustomerStatus(result.customer, result.customer.status);
    case 'location-added':
      return {
        title: `Location ${result.location.name} added to ${result.customerName}`,
        tone: 'success',
        paragraphs: [],
        fields: [{ label: 'Address', value: addressText(result.location.address) }],
      };
    case 'users-added': {
      const { results } = result;
      const failed = results.filter((r) => r.status === 'refused' || r.status === 'error').length;
      const lines = results.slice(0, RESULTS_LISTED).map((r) => `${r.email}: ${r.message}`);
      if (results.length > RESULTS_LISTED) lines.push(`And ${results.length - RESULTS_LISTED} more; the customer's user list shows each.`);
      return {
        title: `Users for ${result.customerName}: ${results.length - failed} of ${results.length} taken`,
        tone: failed ? 'warning' : 'success',
        paragraphs: lines,
      };
    }
    case 'services-setup-submitted':
      return {
        title: `Services setup of ${result.customerName} submitted`,
        tone: 'success',
        paragraphs: ['The services setup takes a few minutes; its progress follows in a separate message.'],
      };
    case 'consent-email-resent':
      return {
        title: `Consent email sent again to ${result.email}`,
        tone: 'success',
        paragraphs: [`${result.customerName} gets the user once they consent to the move.`],
      };
  }
}

/** The Review page's choices, in the wizard's own words. */
function setupChoicesText(setup: SubmittedSetupChoices): string {
  const country = findCountryOption(setup.countryOfOperation)?.name ?? setup.countryOfOperation;
  return [
    `country of operation ${country}`,
    setup.timezone ? `time zone ${setup.timezone}` : null,
    `platform ${PLATFORMS[setup.platform]}`,
    `telephony ${TELEPHONY[setup.telephony].label}`,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}
