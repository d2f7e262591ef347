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
  | { kind: 'add-users'; customerId: string; customerName: string; users: CustomerUserRow[] };

/** What the approved write produced: the same values the use case returns when done directly. */
export type DomainActionDone =
  | { kind: 'template-created'; template: TemplateWithCount }
  | { kind: 'customer-created'; customer: Customer }
  | { kind: 'location-added'; customerName: string; location: CustomerLocation }
  | { kind: 'users-added'; customerName: string; results: CustomerUserResult[] };

export const isDomainAction = (action: { kind: string }): action is DomainAction =>
  action.kind === 'create-template' || action.kind === 'create-customer' || action.kind === 'add-location' || action.kind === 'add-users';

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
  }
}
