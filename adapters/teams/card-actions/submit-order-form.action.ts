import type { TurnContext } from 'botbuilder';
import { CoreError, isCoreError } from '../../../core/index';
import { submitOrderForm } from '../../chat/run-command';
import type { OrderFormFieldId } from '../../presenters/order-form';
import { ORDER_FORM } from '../../presenters/order-form';
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
 * The core's refusal, put where the user can act on it: under the field it is about
 * when it names one (the catalog's issues read `<Product>.<attribute>: …`), the rest
 * above the form.
 */
export function placeProblems(err: CoreError): { problems: OrderFormProblems; notice?: string } {
  if (err.code === 'SUBSCRIBER_NOT_FOUND') return { problems: { subscriberLogin: userMessage(err) } };
  if (err.code === 'DEPENDENCY_MISSING') return { problems: { orderable: userMessage(err) } };
  if (!err.is('VALIDATION_FAILED')) return { problems: {}, notice: userMessage(err) };
  const problems: OrderFormProblems = {};
  const rest: string[] = [];
  for (const issue of err.details.issues) {
    const m = /^(?:[A-Za-z ]+\.)?([A-Za-z]+):\s*(.+)$/.exec(issue);
    const field = m ? FIELD_OF_KEY[m[1]!.toLowerCase()] : undefined;
    if (field && m) problems[field] = [problems[field], capitalize(m[2]!)].filter(Boolean).join(' ');
    else rest.push(issue);
  }
  return rest.length ? { problems, notice: userMessage(new CoreError('VALIDATION_FAILED', { issues: rest })) } : { problems };
}

/** The catalog's attribute names (and the order's own fields) to the form's field ids. */
const FIELD_OF_KEY: Record<string, OrderFormFieldId> = Object.fromEntries([
  ...ORDER_FORM.fields.map((f) => [f.id.toLowerCase(), f.id] as const),
  ['alias', 'voicemailAlias'] as const,
]);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
