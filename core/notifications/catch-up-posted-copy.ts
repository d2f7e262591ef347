import type { PostedMessage } from '../access/access-request';
import type { CoreDeps } from '../core-deps';
import type { ClaimedDelivery, NewDelivery, PostedCopy } from './delivery';
import { noWrites, shortHash } from './delivery';
import type { ChatNotice } from './notice';
import { statusUpdate } from '../onboarding/customer-notices';
import { progressUpdates } from '../services-setup/services-setup-notices';

/** What a posted notice's copy is stored under, for in-place updates later; null for notices never updated. */
export function postedCopy(notice: ChatNotice, message: PostedMessage): PostedCopy | null {
  if (notice.kind === 'activity') return { activityId: notice.activity.id, message };
  if (notice.kind === 'access-request') return { accessRequestId: notice.request.id, message };
  if (notice.kind === 'customer-status') return { customerId: notice.customer.id, message };
  if (notice.kind === 'services-setup-progress') return { servicesSetupId: notice.summary.customerId, message };
  return null;
}

/**
 * Decided while the copy was on its way: the decision's own updates did not know this
 * copy yet, so it is brought up to date now (after its copy was stored, so a decision
 * committed from here on lists it itself; the key makes the two one delivery).
 */
export async function catchUpPostedCopy(deps: CoreDeps, d: ClaimedDelivery, notice: ChatNotice, message: PostedMessage): Promise<void> {
  const update = await staleCopyUpdate(deps, d, notice, message);
  if (!update) return;
  await deps.outbox.write({ ...noWrites(), deliveries: [update] });
  await deps.deliveries.deliveriesWritten();
}

async function staleCopyUpdate(
  deps: CoreDeps,
  d: ClaimedDelivery,
  notice: ChatNotice,
  message: PostedMessage,
): Promise<NewDelivery | null> {
  const dueAt = deps.clock.now();
  if (notice.kind === 'activity') {
    const now = await deps.workOrders.findActivity(notice.activity.id);
    if (!now || now.version === notice.activity.version) return null;
    return {
      key: `update:${now.id}:v${now.version}:${shortHash(message.address)}`,
      target: d.target,
      content: { kind: 'activity-update', activityId: now.id, message },
      dueAt,
    };
  }
  if (notice.kind === 'access-request' && notice.request.status === 'Pending') {
    const now = await deps.accessRequests.findById(notice.request.id);
    // An approval is final with its outcome, whose notices list this copy if it was stored by then.
    const final = now && (now.status === 'Declined' || (now.status === 'Approved' && now.outcome !== null));
    if (!final) return null;
    return {
      key: `access-update:${now.id}:${shortHash(message.address)}`,
      target: d.target,
      content: { kind: 'access-request-update', requestId: now.id, message },
      dueAt,
    };
  }
  if (notice.kind === 'customer-status') {
    // Settled while the status message was on its way: the settlement found no copy to update.
    const now = await deps.customers.findById(notice.customer.id);
    if (!now || now.status === notice.status) return null;
    return statusUpdate(now.id, now.status, message, dueAt);
  }
  if (notice.kind === 'services-setup-progress') {
    // Advanced while the message was on its way: that step's updates did not know this copy.
    const now = await deps.servicesSetup?.servicesSetups.find(notice.summary.customerId);
    if (!now || now.version === notice.version) return null;
    return progressUpdates(now, [message], now.version, dueAt)[0] ?? null;
  }
  return null;
}
