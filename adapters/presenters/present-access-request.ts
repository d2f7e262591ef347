import type { AccessRequest, ActionOutcome, Order } from '../../core/index';
import { presentContactChange, presentResend } from './present-self-service';
import { describeCaseRequest, presentCaseOpened } from './present-support-case';
import { userMessage, unexpectedMessage } from './user-messages';
import type { View } from './view';
import { formatInstant, listLines } from './view';
import { CoreError, isOrderAction } from '../../core/index';
import { describeDomainAction, presentDomainActionDone } from './present-domain-action';

export function describeAction(request: AccessRequest): string {
  const { action } = request;
  if (!isOrderAction(action)) return describeDomainAction(action);
  const lines = action.lines === 'all' ? 'all lines' : listLines(action.lines);
  if (action.kind === 'resend') return `resend the provisioning email for ${lines} of order ${request.orderNumber}`;
  if (action.kind === 'contact') return `change the provisioning contact of ${lines} of order ${request.orderNumber} to ${action.email}`;
  return `${describeCaseRequest(action.requestType, lines)} of order ${request.orderNumber}`;
}

const requesterLabel = (r: AccessRequest['requester']) => `${r.name}${r.email ? ` (${r.email})` : ''}`;

/** The actionable copy the placer (or each administrator of the domain) receives in Slack, Teams or email. */
export function presentAccessRequestForApprover(request: AccessRequest, order?: Order | null): View {
  if (request.status !== 'Pending') return presentDecidedAccessRequest(request);
  if (request.orderNumber === null) return presentDomainRequest(request);
  return {
    title: `Access request for order ${request.orderNumber}`,
    tone: 'info',
    paragraphs: [`${requesterLabel(request.requester)} asks to ${describeAction(request)}.`],
    fields: order
      ? [
          { label: 'Subscription', value: order.subscriptionId },
          { label: 'Offer', value: order.offer },
          { label: 'Asked via', value: request.requester.channel },
        ]
      : [{ label: 'Asked via', value: request.requester.channel }],
    actions: [
      { id: 'access.approve', label: 'Approve', value: request.id, style: 'primary' },
      { id: 'access.decline', label: 'Decline', value: request.id, style: 'danger' },
    ],
  };
}

/** To every Administrator of the domain: any one of them decides, the others' copies then show who did. */
function presentDomainRequest(request: AccessRequest): View {
  return {
    title: `Access request for ${request.domain}`,
    tone: 'info',
    paragraphs: [
      `${requesterLabel(request.requester)} asks to ${describeAction(request)}, which needs the Administrator role in ${request.domain}.`,
      'Every administrator of the domain got this request; the first answer counts.',
    ],
    fields: [{ label: 'Asked via', value: request.requester.channel }],
    actions: [
      { id: 'access.approve', label: 'Approve', value: request.id, style: 'primary' },
      { id: 'access.decline', label: 'Decline', value: request.id, style: 'danger' },
    ],
  };
}

/** What every copy of a decided request turns into, so nobody can click it twice. */
export function presentDecidedAccessRequest(request: AccessRequest): View {
  const verb = request.status === 'Approved' ? 'Approved' : 'Declined';
  const by = request.decidedBy ? `${request.decidedBy.name}` : 'someone';
  const at = request.decidedAt ? ` at ${formatInstant(request.decidedAt)}` : '';
  return {
    title: `${verb} by ${by}${at}`,
    tone: request.status === 'Approved' ? 'success' : 'warning',
    paragraphs: [`${requesterLabel(request.requester)} asked to ${describeAction(request)}.`, ...outcomeParagraphs(request.outcome)],
  };
}

/** What the requester hears once the placer has decided. */
export function presentDecisionForRequester(request: AccessRequest): View {
  const by = request.decidedBy?.name ?? request.approver?.name ?? `an administrator of ${request.domain}`;
  if (request.status === 'Declined') {
    return { title: `Request declined`, tone: 'warning', paragraphs: [`${by} declined your request to ${describeAction(request)}.`] };
  }
  return {
    title: `Request approved`,
    tone: request.outcome && !request.outcome.ok ? 'error' : 'success',
    paragraphs: [`${by} approved your request to ${describeAction(request)}.`, ...outcomeParagraphs(request.outcome)],
  };
}

export function outcomeParagraphs(outcome: ActionOutcome | null): string[] {
  if (!outcome) return [];
  if (outcome.ok) {
    const { result } = outcome;
    const view =
      result.kind === 'resent'
        ? presentResend(result)
        : result.kind === 'case-opened'
          ? presentCaseOpened(result)
          : result.kind === 'contact-changed'
            ? presentContactChange(result)
            : presentDomainActionDone(result);
    return [`${view.title}.`, ...view.paragraphs];
  }
  if (outcome.code === 'UNEXPECTED') return [unexpectedMessage(outcome.ref)];
  return [`It could not be done: ${userMessage(new CoreError(outcome.code, outcome.details as never))}`];
}
