import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { readScope } from './authorize-onboarding';
import type { TemplateWithCount } from './onboarding';

/** "Click the Templates button to view existing templates": those of the actor's domains, each with how many customers use it. */
export async function listTemplates(deps: CoreDeps, input: { actor: Actor }): Promise<TemplateWithCount[]> {
  return deps.templates.list(readScope(input.actor));
}
