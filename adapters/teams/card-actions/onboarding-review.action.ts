import type { TurnContext } from 'botbuilder';
import type { FormReply } from '../../chat/submit-onboarding-form';
import { submitCustomerForm, submitTemplateForm } from '../../chat/submit-onboarding-form';
import type { OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import { editNotice } from '../../presenters/onboarding-review';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { onboardingCardValues, renderOnboardingFormCard } from '../cards/onboarding-form.card';
import { renderViewCard } from '../cards/view.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { verbOf } from './execute-route';

/**
 * The review card's buttons. Edit (seed: "click Edit to change any settings that you
 * want") answers with the form card filled with the draft; Create customer / Submit
 * creates from the draft (the core checks it all again, the precheck included: the
 * review may be old): the confirmation replaces the card, a refusal brings the form back
 * with each problem under its input.
 */
export function onboardingReviewAction(deps: TeamsRouteDeps, which: OnboardingForm['form']) {
  const blank = which === 'customer' ? customerForm([]) : templateForm();
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard> => {
    const values = onboardingCardValues(blank, data);
    try {
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      if (verbOf(context).endsWith('.edit')) {
        const form = which === 'customer' ? customerForm(await core.listTemplates({ actor })) : templateForm();
        const section = (data as { section?: unknown } | null)?.section;
        const notice = typeof section === 'string' ? editNotice(which, section) : undefined;
        return renderOnboardingFormCard(form, { values, ...(notice ? { notice } : {}) });
      }
      const reply: FormReply =
        which === 'customer' ? await submitCustomerForm(core, actor, values, '') : await submitTemplateForm(core, actor, values);
      if (reply.ok) return renderViewCard(reply.view);
      return renderOnboardingFormCard(reply.form, { values, problems: reply.problems, ...(reply.notice ? { notice: reply.notice } : {}) });
    } catch (err) {
      return renderOnboardingFormCard(blank, {
        values,
        notice: presentFailure(err, deps.log, 'Teams onboarding review').paragraphs.join(' '),
      });
    }
  };
}
