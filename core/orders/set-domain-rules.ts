import type { CoreDeps } from '../core-deps';
import { hasRole } from '../directory/directory';
import type { Role } from '../directory/directory';
import { parseDomainName } from '../directory/domain-name';
import { CoreError } from '../errors';
import type { FieldProblem } from '../validation-problems';
import { problem, zodFields } from '../validation-problems';
import { assertHolds } from './permissions/authorize-work';
import { ZDomainRules } from './order.schemas';
import { rulesFor } from './use-case-parts/read-workflow';
import type { SetDomainRulesInput } from './use-case-types';
import type { DomainRules } from './model/work-order';

/**
 * `rules acme.example set PhoneShippingDoneBy group:Shipping`: "A Provisioning
 * administrator can configure how these activities are assigned" (Processing Orders).
 * The change is merged over the current rules and the whole validated; orders already
 * running take the new rules from their next step.
 */
export async function setDomainRules(deps: CoreDeps, input: SetDomainRulesInput): Promise<DomainRules> {
  const domain = parseDomainName(input.domain);
  assertHolds(input.actor, ['Administrator'], domain, `change the rules of ${domain}`);
  const current = await rulesFor(deps, domain);
  const parsed = ZDomainRules.safeParse({ ...current, ...input.changes, domain });
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const fields = await unableAssignees(deps, parsed.data);
  if (fields.length) throw new CoreError('VALIDATION_FAILED', { fields });
  await deps.domainRules.save(parsed.data);
  return parsed.data;
}

const DONE_BY_ROLE = { phoneAssignmentDoneBy: 'Assignment', phoneShippingDoneBy: 'Shipping', phoneReceiptDoneBy: 'Receiving' } as const;

/**
 * A person named by a rule must be able to do the step, as a delegate must: in the
 * directory, holding the step's role in the domain (or Administrator there). Otherwise
 * every order would stall on them, and someone outside the domain would be sent its data.
 */
async function unableAssignees(deps: CoreDeps, rules: DomainRules): Promise<FieldProblem[]> {
  const issues: FieldProblem[] = [];
  for (const [field, role] of Object.entries(DONE_BY_ROLE) as [keyof typeof DONE_BY_ROLE, Role][]) {
    const assignee = rules[field];
    if (assignee?.kind !== 'user') continue;
    const user = await deps.users.findByEmail(assignee.email);
    if (!user) issues.push(problem(field, `${assignee.email} is not in provbot's directory`));
    else if (!hasRole(user, role, rules.domain) && !hasRole(user, 'Administrator', rules.domain)) {
      issues.push(problem(field, `${user.name} does not hold the ${role} role in ${rules.domain}`));
    }
  }
  return issues;
}
