import type { Actor, Core } from '../../core/index';
import type { OrderFormFieldId } from '../presenters/order-form';
import { parseOrderForm } from '../presenters/order-form';
import type { Command } from './commands/parse-command';
import { parseCommand } from './commands/parse-command';
import type { OnboardingCommand } from './commands/parse-onboarding-command';
import { presentActivities } from '../presenters/present-activities';
import { presentDomainRules } from '../presenters/present-domain-rules';
import { presentHelp, presentMistake } from '../presenters/present-help';
import { presentOperations } from '../presenters/present-operations';
import { presentNoteAdded } from '../presenters/present-note-added';
import { presentOrderHistory, presentOrderStatus } from '../presenters/present-order-status';
import { presentPlacedOrder } from '../presenters/present-placed-order';
import { presentSearchResults } from '../presenters/present-search-results';
import { presentAccessRequested, presentContactChange, presentResend } from '../presenters/present-self-service';
import { presentSubscriberRecord } from '../presenters/present-subscriber-record';
import { presentWorkOrder } from '../presenters/present-work-order';
import type { RuleField } from '../presenters/domain-rule-names';
import type { View } from '../presenters/view';
import type { CommandPlace } from './run-notify-command';
import { runNotifyCommand } from './run-notify-command';
import { runCaseCommand } from './run-case-command';
import type { OpenOnboardingForm } from './run-onboarding-command';
import { runOnboardingCommand } from './run-onboarding-command';
import { looksLikeCustomerUsers, parseCustomerUsersCommand } from './commands/parse-customer-users-command';
import { presentUsersCsvGuidance } from '../presenters/present-users-csv';

export type { CommandPlace } from './run-notify-command';

/**
 * `order` alone (or `order <login>`): the platform opens the order form (Slack a modal,
 * Teams a form card), prefilled with the login when one was given, and hands the
 * submitted values to submitOrderForm.
 */
export interface OpenOrderForm {
  kind: 'open-order-form';
  subscriberLogin?: string;
}
export type { OpenOnboardingForm } from './run-onboarding-command';
export type CommandReply = View | OpenOrderForm | OpenOnboardingForm;

export const isOpenOrderForm = (reply: CommandReply): reply is OpenOrderForm => 'kind' in reply && reply.kind === 'open-order-form';
export const isOpenOnboardingForm = (reply: CommandReply): reply is OpenOnboardingForm =>
  'kind' in reply && reply.kind === 'open-onboarding-form';

/** How many work orders `search` shows. */
export const SEARCH_LIMIT = 20;

/**
 * One command, the same on every chat platform: parse the words, call the core,
 * render a view. Errors propagate to the platform listener, which renders them
 * with presentError and logs the unexpected ones with a ref. `place` is where it was
 * typed (`notify channel here` registers that channel).
 */
export async function runCommand(core: Core, actor: Actor, text: string, prefix: string, place?: CommandPlace): Promise<CommandReply> {
  // `customer users <customer>` goes with a shared CSV file; typed as a command, it says how to share one.
  if (looksLikeCustomerUsers(text)) return presentUsersCsvGuidance(prefix, parseCustomerUsersCommand(text)?.customer);
  const parsed = parseCommand(text);
  if (!parsed.ok) return presentMistake(prefix, parsed.problem, parsed.verb);
  const c = parsed.command;
  switch (c.kind) {
    case 'help':
      return presentHelp(prefix);
    case 'status':
      return presentOrderStatus(await core.getOrderStatus({ actor, orderNumber: c.orderNumber }));
    case 'history':
      return presentOrderHistory(await core.getOrderHistory({ actor, orderNumber: c.orderNumber }));
    case 'resend': {
      const r = await core.resendProvisioningEmail({ actor, orderNumber: c.orderNumber, lines: c.lines });
      return r.kind === 'access-requested' ? presentAccessRequested(r) : presentResend(r);
    }
    case 'contact': {
      const r = await core.changeProvisioningContact({ actor, orderNumber: c.orderNumber, lines: c.lines, email: c.email });
      return r.kind === 'access-requested' ? presentAccessRequested(r) : presentContactChange(r);
    }
    case 'case':
      return runCaseCommand(core, actor, c, prefix);
    case 'ops':
      return presentOperations(await core.getOperationsStatus({ actor }));
    case 'order-form':
      return c.subscriberLogin ? { kind: 'open-order-form', subscriberLogin: c.subscriberLogin } : { kind: 'open-order-form' };
    case 'notify':
      return runNotifyCommand(core, actor, c.action, prefix, place);
    case 'templates':
    case 'template':
    case 'template-form':
    case 'customers':
    case 'customer':
    case 'customer-form':
      return runOnboardingCommand(core, actor, c, prefix);
    default:
      return runWorkOrderCommand(core, actor, c, prefix);
  }
}

type WorkOrderCommand = Exclude<
  Command,
  { kind: 'help' | 'ops' | 'status' | 'history' | 'resend' | 'contact' | 'case' | 'order-form' | 'notify' | OnboardingCommand['kind'] }
>;

/** The order workflow's commands (issue 3). Orders typed in chat have origin 'chat': a failure waits for retry or abort. */
async function runWorkOrderCommand(core: Core, actor: Actor, c: WorkOrderCommand, prefix: string): Promise<View> {
  const options = { prefix };
  switch (c.kind) {
    case 'order': {
      const { subscriberLogin, orderable, attributes, requestedDeliveryDate, parentProductId } = c;
      const input = {
        actor,
        origin: 'chat' as const,
        subscriberLogin,
        orderable,
        attributes,
        ...(requestedDeliveryDate ? { requestedDeliveryDate } : {}),
        ...(parentProductId ? { parentProductId } : {}),
      };
      return presentPlacedOrder(await core.placeWorkOrder(input), options);
    }
    case 'change': {
      const { productId, changeKind, attributes, newOwnerLogin } = c;
      return presentPlacedOrder(
        await core.changeProduct({ actor, origin: 'chat', productId, changeKind, attributes, newOwnerLogin }),
        options,
      );
    }
    case 'cancel':
      return presentPlacedOrder(await core.cancelProduct({ actor, origin: 'chat', productId: c.productId }), options);
    case 'activities':
      return presentActivities(await core.listMyActivities({ actor }));
    case 'search':
      return presentSearchResults(
        await core.searchWorkOrders({ actor, criteria: c.criteria, limit: SEARCH_LIMIT }),
        { criteria: c.criteria, limit: SEARCH_LIMIT },
        options,
      );
    case 'subscriber':
      return presentSubscriberRecord(await core.getSubscriberRecord({ actor, login: c.login }), options);
    case 'note':
      return presentNoteAdded(await core.addProductNote({ actor, productId: c.productId, text: c.text }), c.productId, options);
    case 'rules':
      return presentDomainRules(await core.getDomainRules({ actor, domain: c.domain }), options);
    case 'set-rules': {
      const rules = await core.setDomainRules({ actor, domain: c.domain, changes: c.changes });
      return presentDomainRules(rules, { ...options, changed: Object.keys(c.changes) as RuleField[] });
    }
    case 'work-order':
      return presentWorkOrder(await core.getWorkOrder({ actor, orderNumber: c.orderNumber }), options);
    case 'retry':
      return presentWorkOrder(await core.retryWorkOrder({ actor, orderNumber: c.orderNumber }), { ...options, after: 'retried' });
    case 'abort':
      return presentWorkOrder(await core.abortWorkOrder({ actor, orderNumber: c.orderNumber }), { ...options, after: 'aborted' });
  }
}

export type OrderFormReply = { ok: true; view: View } | { ok: false; problems: Partial<Record<OrderFormFieldId, string>> };

/**
 * A submitted order form: problems by field id (Slack shows each under its input,
 * Teams on the card), else the order is placed and its confirmation returned. Core
 * errors propagate like runCommand's.
 */
export async function submitOrderForm(
  core: Core,
  actor: Actor,
  values: Record<string, string | undefined>,
  prefix: string,
): Promise<OrderFormReply> {
  const form = parseOrderForm(values);
  if (!form.ok) return form;
  const { subscriberLogin, orderable, attributes, requestedDeliveryDate } = form.order;
  const placed = await core.placeWorkOrder({
    actor,
    origin: 'chat',
    subscriberLogin,
    orderable,
    attributes,
    ...(requestedDeliveryDate ? { requestedDeliveryDate } : {}),
  });
  return { ok: true, view: presentPlacedOrder(placed, { prefix }) };
}
