import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { mayReadOnboarding } from './authorize-onboarding';
import type { TemplateWithCount } from './onboarding';

/** One template, with its Provisioning ID to copy; an id the actor may not read looks like an unknown one. */
export async function getTemplate(deps: CoreDeps, input: { actor: Actor; templateId: string }): Promise<TemplateWithCount> {
  const template = await deps.templates.findById(input.templateId);
  if (!template || !mayReadOnboarding(input.actor, template.domain))
    throw new CoreError('TEMPLATE_NOT_FOUND', { templateId: input.templateId });
  return { ...template, customerCount: await deps.templates.countCustomers(template.id) };
}
