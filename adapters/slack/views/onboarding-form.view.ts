import type { App, ViewSubmitAction } from '@slack/bolt';
import type { FormReply } from '../../chat/submit-onboarding-form';
import { submitCustomerForm, submitTemplateForm } from '../../chat/submit-onboarding-form';
import { settleWithinBudget } from '../../chat/within-budget';
import type { FormProblems, OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import { PROV_COMMAND } from '../commands/prov.command';
import { identifySlackUser } from '../identify-slack-user';
import { errorView, sendDirect, sendDirectError } from '../reply';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { VIEW_SUBMISSION_BUDGET_MS } from '../slack-listener-deps';
import { ONBOARDING_FORM_CALLBACK, onboardingFormValues } from './onboarding-form.modal';

/** Slack shows an input's error in a line or two; longer text is cut. */
const ERROR_MAX = 1000;

const FORMS = [
  { callback: ONBOARDING_FORM_CALLBACK.customer, form: customerForm([]), submit: submitCustomerForm },
  {
    callback: ONBOARDING_FORM_CALLBACK.template,
    form: templateForm(),
    submit: (...[core, actor, values]: Parameters<typeof submitCustomerForm>) => submitTemplateForm(core, actor, values),
  },
] as const;

/**
 * The `template create` and `customer create` modals, submitted. The core runs within
 * the budget before the ack, so its refusals (a bad email, an unsupported country, the
 * location box unchecked, the precheck's findings) stay in the modal under their
 * inputs with what was typed, and nothing is created. Created: the modal closes and the
 * confirmation goes to the user by DM. Past the budget the outcome follows by DM.
 */
export function registerOnboardingFormViews(app: App, deps: SlackListenerDeps): void {
  for (const { callback, form, submit } of FORMS) {
    app.view<ViewSubmitAction>({ callback_id: callback, type: 'view_submission' }, async ({ ack, body }) => {
      const userId = body.user.id;
      const context = { view: callback, userId };
      const work = Promise.resolve().then(async () => {
        const values = onboardingFormValues(form, body.view);
        const core = deps.core();
        const actor = await identifySlackUser(core, deps.client, { id: userId, name: body.user.name || userId });
        return submit(core, actor, values, `${PROV_COMMAND} `);
      });
      const settled = await settleWithinBudget(work, deps.viewBudgetMs ?? VIEW_SUBMISSION_BUDGET_MS);
      if (settled.kind === 'done' && !settled.value.ok) return ack({ response_action: 'errors', errors: errorsOf(form, settled.value) });
      if (settled.kind === 'failed') {
        // Unexpected failures too stay in the modal, with their ref, so nothing typed is lost.
        const notice = errorView(settled.error, deps.log, context).view.paragraphs.join(' ');
        return ack({ response_action: 'errors', errors: { [form.fields[0]!.id]: notice.slice(0, ERROR_MAX) } });
      }
      await ack();
      const tell = async (reply: FormReply) => {
        if (reply.ok) await sendDirect(deps.client, userId, reply.view);
        else await sendDirectError(deps.client, userId, new Error(`${callback} refused after the modal closed`), deps.log, context);
      };
      if (settled.kind === 'done') return void deps.afterAck.enqueue(() => tell(settled.value));
      deps.afterAck.enqueue(() => work.then(tell, (err) => sendDirectError(deps.client, userId, err, deps.log, context)));
    });
  }
}

/** Each problem under its input; a refusal about no input (a missing right) under the first one. */
function errorsOf(form: OnboardingForm, reply: { problems: FormProblems; notice?: string }): FormProblems {
  const errors: FormProblems = { ...reply.problems };
  const first = form.fields[0]!.id;
  if (reply.notice) errors[first] = [reply.notice, errors[first]].filter(Boolean).join(' ');
  return Object.fromEntries(
    Object.entries(errors).map(([id, text]) => [id, text.length <= ERROR_MAX ? text : `${text.slice(0, ERROR_MAX - 1)}…`]),
  );
}
