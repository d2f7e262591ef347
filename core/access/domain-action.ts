import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { performAddLocation } from '../onboarding/add-location';
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
  | { kind: 'add-location'; customerId: string; customerName: string; location: LocationInput };

/** What the approved write produced: the same values the use case returns when done directly. */
export type DomainActionDone =
  | { kind: 'template-created'; template: TemplateWithCount }
  | { kind: 'customer-created'; customer: Customer }
  | { kind: 'location-added'; customerName: string; location: CustomerLocation };

export const isDomainAction = (action: { kind: string }): action is DomainAction =>
  action.kind === 'create-template' || action.kind === 'create-customer' || action.kind === 'add-location';

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
  }
}
