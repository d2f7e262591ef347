import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Actor, Core } from '../../../core/index';
import type { FormReply } from '../../chat/submit-onboarding-form';
import { submitCustomerForm, submitTemplateForm } from '../../chat/submit-onboarding-form';
import { settleWithinBudget } from '../../chat/within-budget';
import type { OnboardingForm } from '../../presenters/onboarding-forms';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import { editNotice, refusalNotice } from '../../presenters/onboarding-review';
import { PROV_COMMAND } from '../commands/prov.command';
import { identifySlackUser } from '../identify-slack-user';
import { errorView, sendDirect, sendDirectError } from '../reply';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { VIEW_SUBMISSION_BUDGET_MS } from '../slack-listener-deps';
import { onboardingFormModal } from './onboarding-form.modal';
import { ONBOARDING_REVIEW_CALLBACK, REVIEW_EDIT_ACTION_PREFIX, reviewDraft } from './onboarding-review.modal';

const SUBMITS = {
  customer: submitCustomerForm,
  template: (...[core, actor, values]: Parameters<typeof submitCustomerForm>) => submitTemplateForm(core, actor, values),
} as const;

/** The form the draft came from, with the actor's templates to choose from for a customer. */
async function formOf(core: Core, actor: Actor, which: OnboardingForm['form']): Promise<OnboardingForm> {
  return which === 'customer' ? customerForm(await core.listTemplates({ actor })) : templateForm();
}

/**
 * The review modal's Create customer / Submit, and its Edit buttons. Create runs the core
 * on the draft (the precheck again: the review may be old) within the budget: created,
 * the modal closes and the confirmation goes by DM; refused, the form comes back with the
 * draft and the problems named on top (the review has no inputs to hold them). Past the
 * budget the outcome follows by DM. Edit puts the form back, filled with the draft.
 */
export function registerOnboardingReviewViews(app: App, deps: SlackListenerDeps): void {
  for (const callback of Object.values(ONBOARDING_REVIEW_CALLBACK)) {
    app.view<ViewSubmitAction>({ callback_id: callback, type: 'view_submission' }, async ({ ack, body }) => {
      const userId = body.user.id;
      const context = { view: callback, userId };
      let draft: ReturnType<typeof reviewDraft>;
      try {
        draft = reviewDraft(body.view);
      } catch (err) {
        await ack();
        return void deps.afterAck.enqueue(() => sendDirectError(deps.client, userId, err, deps.log, context));
      }
      const { form: which, values } = draft;
      const core = deps.core();
      const actorOf = () => identifySlackUser(core, deps.client, { id: userId, name: body.user.name || userId });
      const work = actorOf().then((actor) => SUBMITS[which](core, actor, values, `${PROV_COMMAND} `));
      const settled = await settleWithinBudget(work, deps.viewBudgetMs ?? VIEW_SUBMISSION_BUDGET_MS);
      if (settled.kind === 'done' && !settled.value.ok) {
        const refusal = settled.value;
        return ack({
          response_action: 'update',
          view: onboardingFormModal(refusal.form, { values, notice: refusalNotice(refusal.form, refusal) }),
        });
      }
      if (settled.kind === 'failed') {
        const notice = errorView(settled.error, deps.log, context).view.paragraphs.join(' ');
        const form = await formOf(core, await actorOf(), which).catch(() => (which === 'customer' ? customerForm([]) : templateForm()));
        return ack({ response_action: 'update', view: onboardingFormModal(form, { values, notice }) });
      }
      await ack();
      const tell = async (reply: FormReply) => {
        if (reply.ok) await sendDirect(deps.client, userId, reply.view);
        else
          await sendDirect(deps.client, userId, {
            title: 'Nothing was created',
            tone: 'error',
            paragraphs: [refusalNotice(reply.form, reply)],
          });
      };
      if (settled.kind === 'done') return void deps.afterAck.enqueue(() => tell(settled.value));
      deps.afterAck.enqueue(() => work.then(tell, (err) => sendDirectError(deps.client, userId, err, deps.log, context)));
    });
  }

  // Seed: "click Edit to change any settings that you want."
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${REVIEW_EDIT_ACTION_PREFIX.replaceAll('.', '\\.')}`),
    async ({ ack, body, action }) => {
      await ack();
      deps.afterAck.enqueue(async () => {
        try {
          if (!body.view) throw new Error('an onboarding review Edit outside a modal');
          const { form: which, values } = reviewDraft(body.view);
          const core = deps.core();
          const actor = await identifySlackUser(core, deps.client, { id: body.user.id, name: body.user.name || body.user.id });
          const form = await formOf(core, actor, which);
          const notice = editNotice(which, action.value ?? '');
          await deps.client.views.update({
            view_id: body.view.id,
            hash: body.view.hash,
            view: onboardingFormModal(form, { values, ...(notice ? { notice } : {}) }),
          });
        } catch (err) {
          await sendDirectError(deps.client, body.user.id, err, deps.log, { action: action.action_id });
        }
      });
    },
  );
}
