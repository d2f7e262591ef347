import type { App, ViewSubmitAction } from '@slack/bolt';
import { reviewCustomerForm, reviewTemplateForm } from '../../chat/review-onboarding-form';
import { settleWithinBudget } from '../../chat/within-budget';
import type { FormProblems, OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import { identifySlackUser } from '../identify-slack-user';
import { errorView } from '../reply';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { VIEW_SUBMISSION_BUDGET_MS } from '../slack-listener-deps';
import { ONBOARDING_FORM_CALLBACK, onboardingFormValues } from './onboarding-form.modal';
import { onboardingReviewModal } from './onboarding-review.modal';

/** Slack shows an input's error in a line or two; longer text is cut. */
const ERROR_MAX = 1000;
/** Past the budget the review cannot replace the form any more: Slack has closed the submission. */
const TOO_SLOW = 'Checking the form took longer than Slack waits, so no review could be shown and nothing was created. Press Next again.';

const FORMS = [
  { callback: ONBOARDING_FORM_CALLBACK.customer, form: customerForm([]), review: reviewCustomerForm },
  { callback: ONBOARDING_FORM_CALLBACK.template, form: templateForm(), review: reviewTemplateForm },
] as const;

/**
 * The `template create` and `customer create` modals' Next. The core checks the form
 * within the budget before the ack (for a customer, the backend's precheck too): good,
 * the review replaces the form (`response_action: update`,
 * https://docs.slack.dev/surfaces/modals#updating_response); refused (a bad email, an
 * unsupported country, the location box unchecked, the precheck's findings), the form
 * stays with each problem under its input and what was typed. Nothing is created here:
 * that is the review's Create/Submit (onboarding-review.view.ts).
 */
export function registerOnboardingFormViews(app: App, deps: SlackListenerDeps): void {
  for (const { callback, form, review } of FORMS) {
    app.view<ViewSubmitAction>({ callback_id: callback, type: 'view_submission' }, async ({ ack, body }) => {
      const userId = body.user.id;
      const work = Promise.resolve().then(async () => {
        const values = onboardingFormValues(form, body.view);
        const core = deps.core();
        const actor = await identifySlackUser(core, deps.client, { id: userId, name: body.user.name || userId });
        return review(core, actor, values);
      });
      const settled = await settleWithinBudget(work, deps.viewBudgetMs ?? VIEW_SUBMISSION_BUDGET_MS);
      if (settled.kind === 'done') {
        const reply = settled.value;
        if (reply.ok) return ack({ response_action: 'update', view: onboardingReviewModal(reply.review) });
        return ack({ response_action: 'errors', errors: errorsOf(form, reply) });
      }
      // Unexpected failures too stay in the modal, with their ref, so nothing typed is lost.
      const notice =
        settled.kind === 'failed' ? errorView(settled.error, deps.log, { view: callback, userId }).view.paragraphs.join(' ') : TOO_SLOW;
      return ack({ response_action: 'errors', errors: errorsOf(form, { problems: {}, notice }) });
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
