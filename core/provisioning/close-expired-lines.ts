import type { CoreDeps } from '../core-deps';

/**
 * "If you fail to complete the provisioning process within policy-defined days of
 * receiving the email ... your subscription will begin billing, and the order line
 * will close" (ccw-change-provisioning-contact). Closed lines stay open to resends
 * and contact changes until the PONR.
 */
export async function closeExpiredLines(deps: CoreDeps): Promise<{ orderNumber: string; lineNumber: number }[]> {
  const closed = await deps.orders.closeExpiredLines(deps.clock.now());
  if (closed.length > 0) deps.log.info({ count: closed.length }, 'lines closed: billing begins');
  return closed;
}
