import type { AccessRequest, Channel, LineSelection, RequestedAction } from '../../../core/index';
import { isOrderAction } from '../../../core/index';
import { describeDomainAction } from '../../presenters/present-domain-action';
import { describeCaseRequest } from '../../presenters/present-support-case';

/** Wording shared by the access request and decision emails and the link pages. */
export function describeLines(lines: LineSelection): string {
  if (lines === 'all') return 'all lines';
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** "resend the provisioning email for line 2" / "change the provisioning contact of all lines to x@y" */
export function describeAction(action: RequestedAction): string {
  if (!isOrderAction(action)) return describeDomainAction(action);
  if (action.kind === 'resend') return `resend the provisioning email for ${describeLines(action.lines)}`;
  if (action.kind === 'contact') return `change the provisioning contact of ${describeLines(action.lines)} to ${action.email}`;
  return describeCaseRequest(action.requestType, describeLines(action.lines));
}

/** "Jane Doe (jane@x.com)", or "(unknown email)" when the chat platform did not share one. */
export function describeRequester(requester: AccessRequest['requester']): string {
  return `${requester.name} (${requester.email ?? 'unknown email'})`;
}

/** "Jane Doe (jane@x.com) asks to resend the provisioning email for line 2 on order ORD-1" */
export function describeRequest(request: AccessRequest): string {
  if (request.orderNumber === null) return `${describeRequester(request.requester)} asks to ${describeAction(request.action)}`;
  return `${describeRequester(request.requester)} asks to ${describeAction(request.action)} on order ${request.orderNumber}`;
}

const CHANNELS: Record<Channel, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  email: 'email',
  api: 'the provbot API',
  system: 'provbot',
};
export const describeChannel = (channel: Channel): string => CHANNELS[channel];

export const formatInstant = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
