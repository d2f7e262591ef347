import type { App, ViewSubmitAction } from '@slack/bolt';
import { isCoreError } from '../../../core/index';
import type { OrderFormReply } from '../../chat/run-command';
import { submitOrderForm } from '../../chat/run-command';
import { parseOrderForm } from '../../presenters/order-form';
import { PROV_COMMAND } from '../commands/prov.command';
import { identifySlackUser } from '../identify-slack-user';
import { errorView, sendDirect, sendDirectError } from '../reply';
import { VIEW_SUBMISSION_BUDGET_MS } from '../slack-listener-deps';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { settleWithinBudget } from '../../chat/within-budget';
import { orderFormErrors } from './field-errors';
import { ORDER_FORM_CALLBACK, orderFormValues } from './order-form.modal';

/**
 * The `/prov order` modal, submitted. Field problems the form itself finds answer at
 * once, under their inputs, and nothing is ordered. Otherwise the order is placed
 * (origin 'chat') before the ack, within the budget, so that the core's refusals (a
 * bad MAC address, an unknown subscriber, a missing Line) also stay in the modal with
 * what was typed. The placed order goes to the user by DM. Past the budget the modal
 * closes and the outcome, whatever it is, follows by DM.
 */
export function registerOrderFormView(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: ORDER_FORM_CALLBACK, type: 'view_submission' }, async ({ ack, body }) => {
    const userId = body.user.id;
    const context = { view: ORDER_FORM_CALLBACK, userId };
    let values: Record<string, string | undefined>;
    try {
      values = orderFormValues(body.view);
    } catch (err) {
      await ack();
      deps.afterAck.enqueue(() => sendDirectError(deps.client, userId, err, deps.log, context));
      return;
    }
    const form = parseOrderForm(values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.problems });

    const work = Promise.resolve().then(async () => {
      const core = deps.core();
      const actor = await identifySlackUser(core, deps.client, { id: userId, name: body.user.name || userId });
      return submitOrderForm(core, actor, values, `${PROV_COMMAND} `);
    });
    const settled = await settleWithinBudget(work, deps.viewBudgetMs ?? VIEW_SUBMISSION_BUDGET_MS);
    if (settled.kind === 'done' && !settled.value.ok) return ack({ response_action: 'errors', errors: settled.value.problems });
    if (settled.kind === 'failed') {
      // Unexpected failures too stay in the modal, with their ref, so nothing typed is lost.
      const errors = isCoreError(settled.error)
        ? orderFormErrors(settled.error)
        : { orderable: errorView(settled.error, deps.log, context).view.paragraphs.join(' ') };
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    const tell = async (reply: OrderFormReply) => {
      if (reply.ok) await sendDirect(deps.client, userId, reply.view);
      else
        await sendDirectError(
          deps.client,
          userId,
          new Error(`order form problems after the modal closed: ${Object.keys(reply.problems).join(', ')}`),
          deps.log,
          context,
        );
    };
    if (settled.kind === 'done') return void deps.afterAck.enqueue(() => tell(settled.value));
    deps.afterAck.enqueue(() => work.then(tell, (err) => sendDirectError(deps.client, userId, err, deps.log, context)));
  });
}
