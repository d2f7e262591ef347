import type { CoreDeps } from '../core-deps';
import { markOrganizationOnboarded } from '../provisioning/mark-organization-onboarded';

/**
 * "PONR = Organization onboarded in Control Hub (order mapped to the organization)": a
 * customer created for a CCW subscription is that organization, so every line of the
 * subscription's orders reaches the PONR exactly as POST /api/orders/{n}/onboarded
 * does, with the customer's Webex orgId as organizationId. Lines already past it keep
 * theirs, so running this again changes nothing. Returns the orders' numbers.
 */
export async function onboardSubscriptionOrders(deps: CoreDeps, subscriptionId: string, orgId: string): Promise<string[]> {
  const numbers = await deps.orders.findNumbersBySubscription(subscriptionId);
  for (const number of numbers) await markOrganizationOnboarded(deps, number, { lines: 'all', organizationId: orgId });
  return numbers;
}
