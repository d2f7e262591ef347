import type { DeadDelivery, DeliveryContent, DeliveryTarget } from '../../core/index';
import { EVENT_LABEL, SYSTEM_EVENT_LABEL } from '../../core/index';
import { formatInstant } from './view';

/** A dead delivery in words, for `notify outbox` and `GET /api/notifications/deliveries` alike. */
export interface DeadDeliveryWords {
  id: string;
  destination: string;
  what: string;
  attempts: number;
  lastError: string;
  lastTriedAt: string;
}

export function describeDeadDelivery(d: DeadDelivery): DeadDeliveryWords {
  return {
    id: d.id,
    destination: describeDestination(d.target),
    what: describeContent(d.content),
    attempts: d.attempts,
    lastError: describeDeliveryError(d.lastError),
    lastTriedAt: formatInstant(d.lastTriedAt),
  };
}

export function describeDestination(target: DeliveryTarget): string {
  if (target.channel === 'email') return `email to ${target.address}`;
  const platform = target.platform === 'slack' ? 'Slack' : 'Teams';
  const to = target.to;
  if (to.kind === 'user') return `${platform} ${target.platform === 'slack' ? 'direct message' : 'personal chat'} to ${to.email}`;
  return `${platform} ${target.platform === 'slack' ? 'channel' : 'conversation'} ${to.label}`;
}

export function describeContent(c: DeliveryContent): string {
  switch (c.kind) {
    case 'activity':
      return c.escalatedAfterMinutes === null
        ? 'an activity to act on, with its buttons'
        : `an escalated activity (nobody acted for ${c.escalatedAfterMinutes} minutes)`;
    case 'activity-update':
      return 'an update of an activity card already posted';
    case 'order-outcome':
      return `the email saying order ${c.orderNumber} was ${c.outcome}`;
    case 'digest':
      return `a digest of ${EVENT_LABEL[c.eventType]} (${c.activityIds.length} item(s)) in ${c.domain}, for the ${c.group} group`;
    case 'system-alert':
      return `an alert: ${SYSTEM_EVENT_LABEL[c.eventType]} (${c.events.length})`;
    case 'billing-reminder':
      return `a billing reminder for order ${c.orderNumber} line ${c.lineNumber}`;
    case 'access-request':
      return "an access request with its buttons, to an order's placer or a partner domain's administrators";
    case 'access-request-update':
      return 'an update of an access request already posted';
    case 'access-decision':
      return 'the answer to an access request, for the person who asked';
    case 'connect-activation':
      return c.stage === 'reminder'
        ? `the Connect activation reminder for ${c.adminEmail} (${c.customerName})`
        : `the notice that ${c.adminEmail} did not activate Connect in time (${c.customerName})`;
    case 'provisioning-email':
      return `the provisioning email for order ${c.orderNumber} line ${c.lineNumber} to ${c.to}`;
    case 'customer-status':
      return 'news of a customer being created, for the person who created it';
    case 'customer-status-update':
      return 'an update of the status message of a customer being created';
    case 'services-setup-offer':
      return `the offer to set up the services of a new customer, for the placer of order ${c.orderNumber}`;
    case 'customer-welcome':
      return "the welcome email to a new customer's administrator";
    case 'support-case':
      return `support case ${c.caseNumber}, emailed to the support address`;
    case 'services-setup-progress':
      return 'the progress message of a services setup, for the person who submitted it';
    case 'services-setup-update':
      return 'an update of a services setup progress message already posted';
    case 'order-summary':
      return 'the order summary PDF of a completed services setup';
  }
}

/**
 * The platforms' refusal codes, in words an administrator can act on. Email errors are
 * already worded by the mail adapter (smtp-error.ts) and shown as they are.
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors,
 * https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis
 */
const SLACK_WORDS: Record<string, string> = {
  channel_not_found: 'the Slack channel is gone, or the bot cannot see it',
  not_in_channel: 'the bot is not in the Slack channel: invite it, then retry',
  is_archived: 'the Slack channel is archived',
  user_not_found: 'the Slack user is gone',
  account_inactive: 'the Slack user was deactivated',
  msg_too_long: 'Slack found the message too long',
  msg_blocks_too_long: 'Slack found the message too long',
  invalid_blocks: 'Slack refused the message as malformed',
};
const TEAMS_WORDS: Record<string, string> = {
  '400': 'Teams refused the message as malformed',
  '403': 'the bot was removed from the Teams conversation, or the person blocked it',
  '404': 'the Teams conversation is gone',
  '413': 'the card was too large for Teams',
};

export function describeDeliveryError(error: string | null): string {
  if (!error) return 'no reason was recorded';
  const clipped = error.length > 300 ? `${error.slice(0, 299)}…` : error;
  const slack = /^Slack refused [\w.]+: (\w+)/.exec(error)?.[1];
  if (slack) return `${SLACK_WORDS[slack] ?? 'Slack refused the message'} (${clipped})`;
  const teams = /^Teams refused .* \((\d{3})/.exec(error)?.[1];
  if (teams) return `${TEAMS_WORDS[teams] ?? 'Teams refused the message'} (${clipped})`;
  return clipped;
}
