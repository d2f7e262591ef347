import { validationFailed } from '../validation-problems';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { onboardingStanding } from './authorize-onboarding';
import type { TemplateInput } from './onboarding.schemas';
import { parseInput, ZTemplateInput } from './onboarding.schemas';
import { packageProblems } from './package-rules';

/**
 * Seed (Configure a Onboarding Template, step 13): "Review the settings summary and
 * click Edit to change any settings that you want. When the settings look correct,
 * click Submit." The review comes only after everything createTemplate checks has
 * passed, so Submit does not send the user back with a problem they could have seen.
 * Nothing is stored. A member of the domain who is not its Administrator may review:
 * Submit then asks its administrators.
 */
export async function checkTemplate(_deps: CoreDeps, input: { actor: Actor; template: unknown }): Promise<{ checked: true }> {
  const data = parseInput(ZTemplateInput, input.template);
  onboardingStanding(input.actor, data.domain, templateAction(data));
  templateProblems(data);
  return { checked: true };
}

export const templateAction = (data: TemplateInput) => `create onboarding templates in ${data.domain}`;

/** The packages a template may allow: checked before anyone is asked, and again on approval. */
export function templateProblems(data: TemplateInput): void {
  const problems = packageProblems(data.packages);
  if (problems.length) throw validationFailed(problems);
}
