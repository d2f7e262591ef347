import type { Actor, Core, FieldKey } from '../../core/index';
import { isCoreError } from '../../core/index';
import { problemsByInput, problemText } from '../presenters/field-problems';
import type { FormProblems, FormValues, OnboardingForm } from '../presenters/onboarding-forms';
import { customerForm, customerInput, customerInputOf, templateForm, templateInput, templateInputOf } from '../presenters/onboarding-forms';
import { presentTemplate } from '../presenters/present-onboarding';
import { userMessage } from '../presenters/user-messages';
import type { View } from '../presenters/view';

/** A refused form: each problem under its input, anything else (a missing right) above the form. */
export type FormRefusal = { ok: false; form: OnboardingForm; problems: FormProblems; notice?: string };
export type FormReply = { ok: true; view: View } | FormRefusal;

/** The customer form with the actor's templates to choose from; none yet: what to do first. */
export async function openCustomerForm(core: Core, actor: Actor, prefix: string): Promise<OnboardingForm | View> {
  const templates = await core.listTemplates({ actor });
  if (templates.length) return customerForm(templates);
  return {
    title: 'No onboarding template yet',
    tone: 'warning',
    paragraphs: [`A customer is created from an onboarding template. "${prefix}template create" makes one first.`],
  };
}

/**
 * "Create customer": the core runs the backend's precheck and creates the customer on
 * Webex; the answer is immediate, and the status message the outbox posts in the
 * creator's direct chat is updated in place until it ends. The customer belongs to the chosen template's partner domain.
 */
export async function submitCustomerForm(core: Core, actor: Actor, values: FormValues, prefix: string): Promise<FormReply> {
  const templates = await core.listTemplates({ actor });
  const form = customerForm(templates);
  const template = templates.find((t) => t.id === values.templateId);
  const domain = template?.domain ?? adminDomain(actor);
  try {
    const customer = await core.createCustomer({ actor, customer: customerInput(values, domain) });
    // The status itself is the one message the outbox posts and updates in place (customer-notices.ts).
    const view: View = {
      title: `Creating ${customer.name}`,
      tone: 'info',
      paragraphs: [
        `Webex is creating the customer ${customer.name}. Its status message in our direct chat is updated in place until Webex is done.`,
        `"${prefix}customer ${customer.name}" shows where it stands.`,
      ],
    };
    return { ok: true, view };
  } catch (err) {
    return notDone(err, form, customerInputOf);
  }
}

/** "Create template": stored in the actor's partner domain, with its Provisioning ID to copy. */
export async function submitTemplateForm(core: Core, actor: Actor, values: FormValues): Promise<FormReply> {
  try {
    const template = await core.createTemplate({ actor, template: templateInput(values, adminDomain(actor)) });
    const view = presentTemplate(template);
    view.title = `Onboarding template ${template.name} created`;
    view.tone = 'success';
    return { ok: true, view };
  } catch (err) {
    return notDone(err, templateForm(), templateInputOf);
  }
}

/** A submission not done: refused, or (for a member who is not an administrator) asked of the domain's administrators. */
function notDone(err: unknown, form: OnboardingForm, inputOf: (field: FieldKey) => string | undefined): FormReply {
  // Not done, but the domain's administrators were asked: the form is finished with.
  if (isCoreError(err) && err.is('ADMIN_APPROVAL_REQUESTED')) {
    return { ok: true, view: { title: `Asked the administrators of ${err.details.domain}`, tone: 'info', paragraphs: [userMessage(err)] } };
  }
  return refused(err, form, inputOf);
}

export function refused(err: unknown, form: OnboardingForm, inputOf: (field: FieldKey) => string | undefined): FormRefusal {
  if (!isCoreError(err)) throw err;
  if (!err.is('VALIDATION_FAILED')) return { ok: false, form, problems: {}, notice: userMessage(err) };
  const { byInput, rest } = problemsByInput(err.details.fields, inputOf);
  const problems = byInput as FormProblems;
  return rest.length ? { ok: false, form, problems, notice: rest.map(problemText).join(' ') } : { ok: false, form, problems };
}

/** With no template chosen: a domain the actor administers, so the core names the missing template, not the domain. */
export function adminDomain(actor: Actor): string {
  const roles = actor.user?.roles ?? [];
  return (roles.find((g) => g.role === 'Administrator') ?? roles[0])?.domain ?? '';
}
