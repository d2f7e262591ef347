import type { Actor, Core } from '../../core/index';
import type { FormRefusal } from './submit-onboarding-form';
import { adminDomain, refused } from './submit-onboarding-form';
import type { FormValues } from '../presenters/onboarding-forms';
import { customerForm, customerInput, customerInputOf, templateForm, templateInput, templateInputOf } from '../presenters/onboarding-forms';
import type { OnboardingReview } from '../presenters/onboarding-review';
import { customerReview, templateReview } from '../presenters/onboarding-review';

/** The form's Next: its review, or the form again with each problem under its input (nothing created either way). */
export type ReviewReply = { ok: true; review: OnboardingReview } | FormRefusal;

/**
 * The customer form's Next. The core checks everything Create customer would, the
 * backend's precheck included ("Before creating, run the backend's precheck and show
 * its findings in words"); a finding keeps the user on the form, under the headquarters.
 */
export async function reviewCustomerForm(core: Core, actor: Actor, values: FormValues): Promise<ReviewReply> {
  const templates = await core.listTemplates({ actor });
  const form = customerForm(templates);
  const domain = templates.find((t) => t.id === values.templateId)?.domain ?? adminDomain(actor);
  try {
    const check = await core.checkCustomer({ actor, customer: customerInput(values, domain) });
    return { ok: true, review: customerReview(form, values, check) };
  } catch (err) {
    return refused(err, form, customerInputOf);
  }
}

/** The template form's Next: its settings summary, once the core finds nothing wrong with them. */
export async function reviewTemplateForm(core: Core, actor: Actor, values: FormValues): Promise<ReviewReply> {
  const form = templateForm();
  try {
    const check = await core.checkTemplate({ actor, template: templateInput(values, adminDomain(actor)) });
    return { ok: true, review: templateReview(form, values, check) };
  } catch (err) {
    return refused(err, form, templateInputOf);
  }
}
