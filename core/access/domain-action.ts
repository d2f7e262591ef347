import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { performAddCustomerUsers } from '../onboarding/add-customer-users';
import { performAddLocation } from '../onboarding/add-location';
import type { CustomerUserResult } from '../onboarding/customer-users';
import type { CustomerUserRow } from '../onboarding/customer-users.schemas';
import { performCreateCustomer } from '../onboarding/create-customer';
import { performCreateTemplate } from '../onboarding/create-template';
import type { Customer, CustomerLocation, TemplateWithCount } from '../onboarding/onboarding';
import type { CustomerInput, LocationInput, TemplateInput } from '../onboarding/onboarding.schemas';
import { performResendConsentEmail } from '../onboarding/resend-consent-email';
import { CoreError } from '../errors';
import type { Platform, Telephony } from '../services-setup/country-options';
import type { ServicesSetupDeps } from '../services-setup/services-setup-deps';
import { performSubmitServicesSetup } from '../services-setup/submit-services-setup';

/**
 * "Templates and customers belong to a partner domain. Its Administrators create
 * templates and customers and set customers up; anyone else gets the same
 * access-request treatment as the partner flows." The write a member of the domain
 * asked for, with their input as checked when they asked: on approval it runs as theirs.
 */
export type DomainAction =
  | { kind: 'create-template'; template: TemplateInput }
  | { kind: 'create-customer'; customer: CustomerInput }
  | { kind: 'add-location'; customerId: string; customerName: string; location: LocationInput }
  /** "In the Add users screen": the rows as checked when asked, checked again on approval. */
  | { kind: 'add-users'; customerId: string; customerName: string; users: CustomerUserRow[] }
  /**
   * Control Hub's Review page, "click Submit": the setup's draft `version` as it was when
   * asked, and its choices as the administrators are shown them. Submitted on approval
   * only if the draft is still that version (submit-services-setup.ts).
   */
  | { kind: 'submit-services-setup'; customerId: string; customerName: string; version: number; setup: SubmittedSetupChoices }
  /** "Resend consent email" to a user waiting to consent to the move (resend-consent-email.ts). */
  | { kind: 'resend-consent-email'; customerId: string; customerName: string; email: string };

/** What a services setup submit request shows its approvers: the Review page's choices. */
export interface SubmittedSetupChoices {
  countryOfOperation: string;
  timezone: string | null;
  platform: Platform;
  telephony: Telephony;
  sipAddressName: string;
}

/** What the approved write produced: the same values the use case returns when done directly. */
export type DomainActionDone =
  | { kind: 'template-created'; template: TemplateWithCount }
  | { kind: 'customer-created'; customer: Customer }
  | { kind: 'location-added'; customerName: string; location: CustomerLocation }
  | { kind: 'users-added'; customerName: string; results: CustomerUserResult[] }
  | { kind: 'services-setup-submitted'; customerName: string }
  | { kind: 'consent-email-resent'; customerName: string; email: string };

const DOMAIN_ACTION_KINDS: ReadonlySet<string> = new Set<DomainAction['kind']>([
  'create-template',
  'create-customer',
  'add-location',
  'add-users',
  'submit-services-setup',
  'resend-consent-email',
]);

export const isDomainAction = (action: { kind: string }): action is DomainAction => DOMAIN_ACTION_KINDS.has(action.kind);

/**
 * Runs the approved write for the requester. Everything it depends on is read again
 * (the template, the customer): it may have changed while the request waited, and a
 * refusal then becomes the outcome the requester is told.
 */
export async function performDomainAction(deps: CoreDeps, actor: Actor, action: DomainAction): Promise<DomainActionDone> {
  switch (action.kind) {
    case 'create-template':
      return { kind: 'template-created', template: await performCreateTemplate(deps, actor, action.template) };
    case 'create-customer':
      return { kind: 'customer-created', customer: await performCreateCustomer(deps, actor, action.customer) };
    case 'add-location':
      return {
        kind: 'location-added',
        customerName: action.customerName,
        location: await performAddLocation(deps, action.customerId, action.location),
      };
    case 'add-users':
      return {
        kind: 'users-added',
        customerName: action.customerName,
        results: await performAddCustomerUsers(deps, action.customerId, action.users),
      };
    case 'submit-services-setup':
      await performSubmitServicesSetup(servicesSetupDepsOf(deps), actor, action.customerId, action.version);
      return { kind: 'services-setup-submitted', customerName: action.customerName };
    case 'resend-consent-email':
      await performResendConsentEmail(deps, action.customerId, action.email);
      return { kind: 'consent-email-resent', customerName: action.customerName, email: action.email };
  }
}

/** The services setup's deps out of the core's: its own ports, wired beside the core (bot/main.ts). */
function servicesSetupDepsOf(deps: CoreDeps): ServicesSetupDeps {
  if (!deps.servicesSetup)
    throw new CoreError('INVALID_STATE', { reason: 'the services setup is not available in this provbot, so nothing was submitted' });
  return { ...deps, ...deps.servicesSetup };
}
