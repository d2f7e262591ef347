import { validationFailed } from '../validation-problems';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManageOnboarding } from './authorize-onboarding';
import type { TemplateInput } from './onboarding.schemas';
import { parseInput, ZTemplateInput } from './onboarding.schemas';
import { packageProblems } from './package-rules';

/**
 * Seed (Configure a Onboarding Template, step 13): "Review the settings summary and
 * click Edit to change any settings that you want. When the settings look correct,
 * click Submit." The review comes only after everything createTemplate checks has
 * passed, so Submit does not send the user back with a problem they could have seen.
 * Nothing is stored.
 */
export async function checkTemplate(_deps: CoreDeps, input: { actor: Actor; template: unknown }): Promise<{ checked: true }> {
  checkedTemplate(input);
  return { checked: true };
}

/** The template's input checked as createTemplate needs it: its fields, the actor's right, the packages. */
export function checkedTemplate(input: { actor: Actor; template: unknown }): TemplateInput {
  const data = parseInput(ZTemplateInput, input.template);
  assertMayManageOnboarding(input.actor, data.domain, `create onboarding templates in ${data.domain}`);
  const problems = packageProblems(data.packages);
  if (problems.length) throw validationFailed(problems);
  return data;
}
