import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import type { Order } from './provisioning';
import { ZOnboarded, ZProvisioned } from './provisioning.schemas';
import { getNamedLines, getOrder } from './select-open-lines';

/**
 * "PONR = Organization onboarded in Control Hub (order mapped to the organization)":
 * from here on the lines take no resend and no contact change. Lines already past
 * the PONR keep their original organization and time.
 */
export async function markOrganizationOnboarded(deps: CoreDeps, orderNumber: string, input: unknown): Promise<Order> {
  const parsed = ZOnboarded.safeParse(input);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const order = await getOrder(deps, orderNumber);
  const lines = getNamedLines(order, parsed.data.lines).filter((l) => l.ponrAt === null);
  const now = deps.clock.now();
  await deps.orders.updateLines(
    order.number,
    lines.map((l) => ({ lineNumber: l.lineNumber, patch: { ponrAt: now, organizationId: parsed.data.organizationId } })),
  );
  return getOrder(deps, order.number);
}

/**
 * The service is set up for these lines ("Either provisioning contact or admin can
 * complete the service setup by logging into" the admin portal). Setup implies the
 * organization was onboarded, so the PONR is set too where it was not.
 */
export async function markLinesProvisioned(deps: CoreDeps, orderNumber: string, input: unknown): Promise<Order> {
  const parsed = ZProvisioned.safeParse(input);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const order = await getOrder(deps, orderNumber);
  const now = deps.clock.now();
  const lines = getNamedLines(order, parsed.data.lines).filter((l) => l.status !== 'Provisioned');
  await deps.orders.updateLines(
    order.number,
    lines.map((l) => ({ lineNumber: l.lineNumber, patch: { status: 'Provisioned', provisionedAt: now, ponrAt: l.ponrAt ?? now } })),
  );
  return getOrder(deps, order.number);
}
