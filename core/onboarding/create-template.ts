import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { checkedTemplate } from './check-template';
import type { OnboardingTemplate, TemplateWithCount } from './onboarding';

/**
 * "Configure a Onboarding Template": primary settings (name, wholesale subscription),
 * authentication method, an optional Cloud Connected PSTN vendor, common and call
 * settings (language, time zone, the packages customers of it may have). The
 * Provisioning ID is generated once and never changes: partners copy it.
 */
export async function createTemplate(deps: CoreDeps, input: { actor: Actor; template: unknown }): Promise<TemplateWithCount> {
  const data = checkedTemplate(input);
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
    createdBy: { name: input.actor.name, email: input.actor.email },
    createdAt: deps.clock.now(),
  };
  const created = await deps.templates.create(template);
  return { ...created, customerCount: 0 };
}
