import type { TurnContext } from 'botbuilder';
import { reviewCustomerForm, reviewTemplateForm } from '../../chat/review-onboarding-form';
import type { FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { onboardingCardValues, renderOnboardingFormCard } from '../cards/onboarding-form.card';
import { renderOnboardingReviewCard } from '../cards/onboarding-review.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';

/**
 * Next on an onboarding form card. The core checks the form (for a customer, the
 * backend's precheck too) and nothing is created: good, the review card replaces the
 * form; refused, the same form comes back with each problem under its input and
 * everything typed kept (the customer form's templates read again).
 */
export function submitOnboardingFormAction(deps: TeamsRouteDeps, which: OnboardingForm['form']) {
  const blank = which === 'customer' ? customerForm([]) : templateForm();
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard> => {
    const values = onboardingCardValues(blank, data);
    try {
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      const reply = which === 'customer' ? await reviewCustomerForm(core, actor, values) : await reviewTemplateForm(core, actor, values);
      if (reply.ok) return renderOnboardingReviewCard(reply.review);
      return renderOnboardingFormCard(reply.form, { values, problems: reply.problems, ...(reply.notice ? { notice: reply.notice } : {}) });
    } catch (err) {
      return renderOnboardingFormCard(blank, {
        values: values as FormValues,
        notice: presentFailure(err, deps.log, 'Teams onboarding form').paragraphs.join(' '),
      });
    }
  };
}
