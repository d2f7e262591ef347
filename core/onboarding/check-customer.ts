import { validationFailed } from '../validation-problems';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { SubmitAsks } from '../access/submit-asks';
import { submitAsksFor } from '../access/submit-asks';
import { onboardingStanding } from './authorize-onboarding';
import type { OnboardingTemplate } from './onboarding';
import type { CustomerInput } from './onboarding.schemas';
import { parseInput, ZCustomerInput } from './onboarding.schemas';
import { packageProblems } from './package-rules';
import { askProvisioning } from './provisioning-calls';

/** What the review before "Create customer" shows: the backend's precheck passed for this customer. */
export interface CustomerCheck {
  templateName: string;
  /** The precheck's word on the customer, for the review ("in words": never a code). */
  precheck: 'passed';
  /** Not null for a member of the domain: Create customer then asks these administrators instead. */
  submitAsks: SubmitAsks | null;
}

export const customerAction = (data: CustomerInput) => `create customers in ${data.domain}`;

/**
 * Seed (Create Customer via Partner Hub): "Review the customer summary. If the
 * information is correct, click Create customer." Before the summary the issue asks to
 * "run the backend's precheck and show its findings in words": everything createCustomer
 * checks, the precheck included, and nothing stored or created on Webex. A member of the
 * domain who is not its Administrator may review: Create then asks its administrators.
 */
export async function checkCustomer(deps: CoreDeps, input: { actor: Actor; customer: unknown }): Promise<CustomerCheck> {
  const data = parseInput(ZCustomerInput, input.customer);
  const standing = onboardingStanding(input.actor, data.domain, customerAction(data));
  const { template } = await prechecked(deps, data);
  return { templateName: template.name, precheck: 'passed', submitAsks: await submitAsksFor(deps, standing, data.domain) };
}

/** The template the customer is made from, in the same domain, with the packages it allows. */
export async function checkedTemplate(deps: CoreDeps, data: CustomerInput): Promise<OnboardingTemplate> {
  const template = await deps.templates.findById(data.templateId);
  if (!template || template.domain !== data.domain) {
    throw validationFailed([{ field: 'templateId', message: `There is no onboarding template with that id in ${data.domain}.` }]);
  }
  const problems = packageProblems(data.packages, template.packages);
  if (problems.length) throw validationFailed(problems);
  return template;
}

/**
 * The customer's input checked as createCustomer needs it: the template and packages,
 * then the backend's precheck, whose findings come back under the headquarters (they
 * are about the address).
 */
export async function prechecked(deps: CoreDeps, data: CustomerInput): Promise<{ template: OnboardingTemplate }> {
  const template = await checkedTemplate(deps, data);
  const precheck = await askProvisioning(deps, (webex) =>
    webex.precheck({ address: data.headquarters, customerName: data.name, primaryEmail: data.adminEmail }),
  );
  if (!precheck.ok) throw validationFailed(precheck.findings.map((f) => ({ field: 'headquarters', message: f.message })));
  return { template };
}
