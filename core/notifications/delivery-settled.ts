import type { CoreDeps } from '../core-deps';
import { provisioningEmailDead, provisioningEmailSent } from '../provisioning/provisioning-email-settled';
import type { DeliveryContent } from './delivery';

/**
 * What a delivery's result changes beyond the outbox, after the dispatcher recorded it:
 * a provisioning email's history row (the Transaction Manager's Pending → Sent or Failed).
 */
export async function deliverySettled(
  deps: CoreDeps,
  content: DeliveryContent,
  result: { sent: Date } | { dead: Date; error: string },
): Promise<void> {
  if (content.kind !== 'provisioning-email') return;
  if ('sent' in result) await provisioningEmailSent(deps, content, result.sent);
  else await provisioningEmailDead(deps, content, result.error, result.dead);
}
