import { validationFailed } from '../validation-problems';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { SubmitAsks } from '../access/submit-asks';
import { submitAsksFor } from '../access/submit-asks';
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
export async function checkTemplate(deps: CoreDeps, input: { actor: Actor; template: unknown }): Promise<TemplateCheck> {
  const data = parseInput(ZTemplateInput, input.template);
  const standing = onboardingStanding(input.actor, data.domain, templateAction(data));
  templateProblems(data);
  return { checked: true, submitAsks: await submitAsksFor(deps, standing, data.domain) };
}

/** The review may show: everything passed; not null for a member, whose Submit asks these administrators instead. */
export interface TemplateCheck {
  checked: true;
  submitAsks: SubmitAsks | null;
}

export const templateAction = (data: TemplateInput) => `create onboarding templates in ${data.domain}`;

/** The packages a template may allow: checked before anyone is asked, and again on approval. */
export function templateProblems(data: TemplateInput): void {
  const problems = packageProblems(data.packages);
  if (problems.length) throw validationFailed(problems);
}
