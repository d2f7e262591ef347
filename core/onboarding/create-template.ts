import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { requestDomainAccess } from '../access/request-domain-access';
import { onboardingStanding } from './authorize-onboarding';
import type { OnboardingTemplate, TemplateWithCount } from './onboarding';
import { templateAction, templateProblems } from './check-template';
import type { TemplateInput } from './onboarding.schemas';
import { parseInput, ZTemplateInput } from './onboarding.schemas';

/**
 * "Configure a Onboarding Template": primary settings (name, wholesale subscription),
 * authentication method, an optional Cloud Connected PSTN vendor, common and call
 * settings (language, time zone, the packages customers of it may have). The
 * Provisioning ID is generated once and never changes: partners copy it.
 * A member of the domain who is not its Administrator asks its administrators instead.
 */
export async function createTemplate(deps: CoreDeps, input: { actor: Actor; template: unknown }): Promise<TemplateWithCount> {
  const data = parseInput(ZTemplateInput, input.template);
  const action = templateAction(data);
  const standing = onboardingStanding(input.actor, data.domain, action);
  // Checked before anyone is asked, so administrators never approve what cannot be done.
  templateProblems(data);
  if (standing === 'member') {
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: data.domain,
      description: action,
      action: { kind: 'create-template', template: data },
    });
  }
  return performCreateTemplate(deps, input.actor, data);
}

/** Creates the template for `actor`, whose right to was settled by the caller (directly, or by an approval). */
export async function performCreateTemplate(deps: CoreDeps, actor: Actor, data: TemplateInput): Promise<TemplateWithCount> {
  templateProblems(data);
  const template: OnboardingTemplate = {
    id: `tpl-${globalThis.crypto.randomUUID()}`,
    domain: data.domain,
    name: data.name,
    subscriptionId: data.subscriptionId,
    authenticationMethod: data.authenticationMethod,
    pstnVendor: data.pstnVendor ?? null,
    language: data.language,
    timezone: data.timezone,
    packages: data.packages,
    provisioningId: globalThis.crypto.randomUUID(),
    createdBy: { name: actor.name, email: actor.email },
    createdAt: deps.clock.now(),
  };
  const created = await deps.templates.create(template);
  return { ...created, customerCount: 0 };
}
