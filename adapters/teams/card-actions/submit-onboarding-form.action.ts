import type { TurnContext } from 'botbuilder';
import type { FormReply } from '../../chat/submit-onboarding-form';
import { submitCustomerForm, submitTemplateForm } from '../../chat/submit-onboarding-form';
import type { FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { onboardingCardValues, renderOnboardingFormCard } from '../cards/onboarding-form.card';
import { renderViewCard } from '../cards/view.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';

/**
 * "Create customer" / "Create template" on an onboarding form card. A refusal comes
 * back as the same form with each problem under its input and everything typed kept
 * (the customer form's templates read again); created: the confirmation replaces the form.
 */
export function submitOnboardingFormAction(deps: TeamsRouteDeps, which: OnboardingForm['form']) {
  const blank = which === 'customer' ? customerForm([]) : templateForm();
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard> => {
    const values = onboardingCardValues(blank, data);
    try {
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      const reply: FormReply =
        which === 'customer' ? await submitCustomerForm(core, actor, values, '') : await submitTemplateForm(core, actor, values);
      if (reply.ok) return renderViewCard(reply.view);
      return renderOnboardingFormCard(reply.form, { values, problems: reply.problems, ...(reply.notice ? { notice: reply.notice } : {}) });
    } catch (err) {
      return renderOnboardingFormCard(blank, {
        values: values as FormValues,
        notice: presentFailure(err, deps.log, 'Teams onboarding form').paragraphs.join(' '),
      });
    }
  };
}
