import type { CoreDeps } from '../core-deps';
import type { DeliveryContent } from '../notifications/delivery';
import { addDays, policyWindowDays } from './provisioning';
import { sentPatch } from './sent-patch';

type ProvisioningEmailContent = Extract<DeliveryContent, { kind: 'provisioning-email' }>;

/**
 * The email went out: its history row turns Sent and the line records it. An initial
 * email starts the policy window when it is received ("policy-defined days of receiving
 * the email", ccw-change-provisioning-contact), not when it was queued; contact changes
 * made before the RSD were waiting for it.
 */
export async function provisioningEmailSent(deps: CoreDeps, content: ProvisioningEmailContent, at: Date): Promise<void> {
  await deps.transactions.complete(content.transactionId, 'Sent', at);
  const order = await deps.orders.findByNumber(content.orderNumber);
  if (!order) return;
  const { lineNumber } = content;
  const patch =
    content.emailKind === 'initial-email'
      ? { provisioningEmailSentAt: at, windowEndsAt: addDays(at, policyWindowDays(order.offer)) }
      : sentPatch(order, lineNumber, at);
  await deps.orders.updateLines(order.number, [{ lineNumber, patch }]);
  if (content.emailKind === 'initial-email') await deps.transactions.completePendingForLine(order.number, lineNumber, 'Sent', at);
}

/**
 * The outbox gave up (its last attempt failed, or the server refused the address for
 * good): the row turns Failed with the server's words. An initial email's claim is
 * released, so the scheduler's next tick queues it again, and the contact changes that
 * waited for it fail with it.
 */
export async function provisioningEmailDead(deps: CoreDeps, content: ProvisioningEmailContent, error: string, at: Date): Promise<void> {
  await deps.transactions.complete(content.transactionId, 'Failed', at, error);
  if (content.emailKind !== 'initial-email') return;
  await deps.orders.releaseInitialEmail(content.orderNumber, content.lineNumber);
  await deps.transactions.completePendingForLine(content.orderNumber, content.lineNumber, 'Failed', at, error);
}
