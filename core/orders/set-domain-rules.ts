import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { describeIssues } from '../provisioning/provisioning.schemas';
import { assertHolds } from './authorize-work';
import { ZDomainRules } from './order.schemas';
import { rulesFor } from './read-workflow';
import type { SetDomainRulesInput } from './use-case-types';
import type { DomainRules } from './work-order';

/**
 * `rules acme.example set PhoneShippingDoneBy group:Shipping`: "A Provisioning
 * administrator can configure how these activities are assigned" (Processing Orders).
 * The change is merged over the current rules and the whole validated; orders already
 * running take the new rules from their next step.
 */
export async function setDomainRules(deps: CoreDeps, input: SetDomainRulesInput): Promise<DomainRules> {
  const domain = input.domain.trim().toLowerCase();
  assertHolds(input.actor, ['Administrator'], domain, `change the rules of ${domain}`);
  const current = await rulesFor(deps, domain);
  const parsed = ZDomainRules.safeParse({ ...current, ...input.changes, domain });
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', { issues: describeIssues(parsed.error) });
  await deps.domainRules.save(parsed.data);
  return parsed.data;
}
