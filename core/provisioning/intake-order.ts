import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import { newOrderLine } from './provisioning';
import type { Order } from './provisioning';
import { ZOrderIntake } from './provisioning.schemas';
import { sendDueProvisioningEmails } from './send-due-provisioning-emails';

/**
 * Stores an order placed by an ordering system. Its provisioning emails go out at
 * once when the requested start date is today or past, otherwise on that date.
 */
export async function intakeOrder(deps: CoreDeps, input: unknown): Promise<Order> {
  const parsed = ZOrderIntake.safeParse(input);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const o = parsed.data;
  const order: Order = {
    ...o,
    createdAt: deps.clock.now(),
    lines: o.lines.map(newOrderLine).sort((a, b) => a.lineNumber - b.lineNumber),
  };
  await deps.orders.create(order);
  await sendDueProvisioningEmails(deps, { orderNumber: order.number });
  return (await deps.orders.findByNumber(order.number)) ?? order;
}
