import type { TurnContext } from 'botbuilder';
import type { CoreError } from '../../../core/index';
import { isCoreError } from '../../../core/index';
import { submitOrderForm } from '../../chat/run-command';
import { problemsByInput, problemText } from '../../presenters/field-problems';
import { ORDER_FORM, orderFormInputOf } from '../../presenters/order-form';
import { userMessage } from '../../presenters/user-messages';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { OrderFormProblems, OrderFormValues } from '../cards/order-form.card';
import { orderFormValues, renderOrderFormCard } from '../cards/order-form.card';
import { cardMessage, renderViewCard } from '../cards/view.card';
import { referenceOf } from '../conversation-reference';
import { errorSummary, presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { withinBudget } from '../../chat/within-budget';

/**
 * "Place order" on the order form card (verb `order.submit`; the client sends the
 * inputs' values as the action's data). A problem comes back as the same form with the
 * problem under its input and everything typed kept; a placed order replaces the form.
 */
export function submitOrderFormAction(deps: TeamsRouteDeps) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard | string> => {
    const values = orderFormValues(data);
    const work = place(deps, context, values).catch((err) =>
      renderOrderFormCard({ values, notice: presentFailure(err, deps.log, 'Teams order form').paragraphs.join(' ') }),
    );
    const result = await withinBudget(work, deps.invokeBudgetMs);
    if (result !== 'late') return result;
    // Placing notifies approvers and sends email, which can outlast the invoke: the
    // form shows a holding card, then the outcome once it is there.
    const { activity } = context;
    const replyToId = activity.replyToId;
    if (replyToId) {
      void work.then((card) =>
        deps.conversations
          .update(referenceOf(activity), replyToId, cardMessage(card, ORDER_FORM.title))
          .catch((err) => deps.log.warn(errorSummary(err), 'late Teams order form card not updated')),
      );
    }
    return renderViewCard({
      title: 'Placing the order…',
      tone: 'info',
      paragraphs: ['This card shows the order as soon as it is placed.'],
    });
  };
}

async function place(deps: TeamsRouteDeps, context: TurnContext, values: OrderFormValues): Promise<AdaptiveCard> {
  const core = deps.core();
  const actor = await identifyTeamsUser(core, context);
  try {
    const reply = await submitOrderForm(core, actor, values, '');
    return reply.ok ? renderViewCard(reply.view) : renderOrderFormCard({ values, problems: reply.problems });
  } catch (err) {
    if (!isCoreError(err)) throw err;
    return renderOrderFormCard({ values, ...placeProblems(err) });
  }
}

/**
 * The core's refusal, put where the user can act on it: each problem under the input of
 * its field, the rest (a field the form lacks) above the form by its label.
 */
export function placeProblems(err: CoreError): { problems: OrderFormProblems; notice?: string } {
  if (err.code === 'SUBSCRIBER_NOT_FOUND') return { problems: { subscriberLogin: userMessage(err) } };
  if (err.code === 'DEPENDENCY_MISSING') return { problems: { orderable: userMessage(err) } };
  if (!err.is('VALIDATION_FAILED')) return { problems: {}, notice: userMessage(err) };
  const { byInput, rest } = problemsByInput(err.details.fields, orderFormInputOf);
  return rest.length ? { problems: byInput, notice: rest.map(problemText).join(' ') } : { problems: byInput };
}
