import type { CoreDeps } from '../core-deps';
import type { ActivityMessage } from '../ports/chat-notifier.port';
import type { DeliveryContent } from './delivery';
import type { EmailNotice } from './notice';
import { systemSettings } from './read-notification-settings';
import { readSetupNotice } from '../services-setup/services-setup-notices';
import { readOrderHistory } from '../provisioning/get-order-history';
import { assigneeNameOf } from '../orders/use-case-parts/assignee-names';
import { customerStatusNotice } from '../onboarding/customer-notices';

/** Activities read for one batch of deliveries: one activity's copies to many people read it once. */
export type ActivityReads = Map<string, Promise<ActivityMessage | null>>;

/**
 * A delivery's content with the records it names, read now: a notice sent late shows
 * the activity as it stands. Null when what it names is gone (nothing left to say).
 * `reads` shares the reads of one claimed batch: everything in it was written before
 * the claim, and a change committed meanwhile writes its own updates, claimed later.
 */
export async function renderDelivery(
  deps: CoreDeps,
  content: DeliveryContent,
  reads: ActivityReads = new Map(),
): Promise<EmailNotice | null> {
  const activityMessage = (id: string) => {
    let found = reads.get(id);
    if (!found) {
      found = readActivityMessage(deps, id);
      reads.set(id, found);
    }
    return found;
  };
  switch (content.kind) {
    case 'activity':
    case 'activity-update': {
      const message = await activityMessage(content.activityId);
      const escalatedAfterMinutes = content.kind === 'activity' ? content.escalatedAfterMinutes : null;
      return message && { kind: 'activity', ...message, escalatedAfterMinutes };
    }
    case 'digest': {
      const items = (await Promise.all(content.activityIds.map(activityMessage))).filter((m): m is ActivityMessage => !!m);
      return items.length ? { kind: 'digest', eventType: content.eventType, domain: content.domain, group: content.group, items } : null;
    }
    case 'system-alert':
      return { kind: 'system-alert', eventType: content.eventType, events: content.events };
    case 'order-outcome': {
      const order = await deps.workOrders.findByNumber(content.orderNumber);
      const subscriber = order && (await deps.subscribers.findByLogin(order.subscriberLogin));
      if (!order || !subscriber) return null;
      const approval = content.approvalId ? await deps.workOrders.findActivity(content.approvalId) : null;
      return { kind: 'order-outcome', order, subscriber, outcome: content.outcome, approval };
    }
    case 'billing-reminder': {
      const order = await deps.orders.findByNumber(content.orderNumber);
      const line = order?.lines.find((l) => l.lineNumber === content.lineNumber);
      if (!order || !line) return null;
      const days = (await systemSettings(deps)).billingReminderDays ?? 0;
      return { kind: 'billing-reminder', order, line, stage: content.stage, days };
    }
    case 'access-request':
    case 'access-request-update': {
      const request = await deps.accessRequests.findById(content.requestId);
      if (!request) return null;
      if (request.orderNumber === null) return { kind: 'access-request', request, order: null };
      const order = await deps.orders.findByNumber(request.orderNumber);
      return order && { kind: 'access-request', request, order };
    }
    case 'access-decision': {
      const request = await deps.accessRequests.findById(content.requestId);
      return request && { kind: 'access-decision', request };
    }
    case 'connect-activation':
      return { ...content, deadline: new Date(content.deadline) };
    case 'provisioning-email': {
      const order = await deps.orders.findByNumber(content.orderNumber);
      const line = order?.lines.find((l) => l.lineNumber === content.lineNumber);
      // The address it was queued for, even if the contact changed since: that change queues its own.
      return order && line ? { kind: 'provisioning-email', order, line: { ...line, provisioningContactEmail: content.to } } : null;
    }
    case 'customer-status': {
      const customer = await deps.customers.findById(content.customerId);
      return customer && customerStatusNotice(customer, content.status);
    }
    case 'customer-status-update': {
      // Shown as it stands now: of two updates sent out of order, the later one is not undone.
      const customer = await deps.customers.findById(content.customerId);
      return customer && customerStatusNotice(customer, customer.status);
    }
    case 'services-setup-offer': {
      const customer = await deps.customers.findById(content.customerId);
      return customer && { kind: 'services-setup-offer', customer, orderNumber: content.orderNumber };
    }
    case 'customer-welcome': {
      const customer = await deps.customers.findById(content.customerId);
      return customer && { kind: 'customer-welcome', customer, adminPortalUrl: deps.settings.adminPortalUrl };
    }
    case 'services-setup-progress':
    case 'services-setup-update':
    case 'order-summary':
      return readSetupNotice(deps, content);
    case 'support-case': {
      const supportCase = await deps.supportCases.findByNumber(content.caseNumber);
      const order = supportCase && (await deps.orders.findByNumber(supportCase.orderNumber));
      return supportCase && order
        ? { kind: 'support-case', supportCase, order, history: await readOrderHistory(deps, order.number) }
        : null;
    }
  }
}

async function readActivityMessage(deps: CoreDeps, activityId: string): Promise<ActivityMessage | null> {
  const activity = await deps.workOrders.findActivity(activityId);
  const order = activity && (await deps.workOrders.findByNumber(activity.orderNumber));
  if (!activity || !order) return null;
  const subscriber = await deps.subscribers.findByLogin(order.subscriberLogin);
  return { activity, order, subscriber, assigneeName: await assigneeNameOf(deps, activity) };
}
