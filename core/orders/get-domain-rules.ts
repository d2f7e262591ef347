import type { CoreDeps } from '../core-deps';
import { parseDomainName } from '../directory/domain-name';
import { CoreError } from '../errors';
import { mayRead } from './permissions/authorize-work';
import { rulesFor } from './use-case-parts/read-workflow';
import type { DomainRulesInput } from './use-case-types';
import type { DomainRules } from './model/work-order';

/** `rules acme.example`: the domain's business rules, as set or by default; for anyone with a role there. */
export async function getDomainRules(deps: CoreDeps, input: DomainRulesInput): Promise<DomainRules> {
  const domain = parseDomainName(input.domain);
  if (!mayRead(input.actor, domain))
    throw new CoreError('NOT_AUTHORIZED', { action: `see the rules of ${domain}`, reason: `you hold no role in ${domain}` });
  return rulesFor(deps, domain);
}
