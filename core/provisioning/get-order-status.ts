import { getReadableOrder } from '../access/authorize-order-action';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { LineStatus, Order } from './provisioning';
import { daysLeftInWindow, isPastPonr, isProvisioningStillPending, policyWindowDays } from './provisioning';

export interface LineStatusView {
  lineNumber: number;
  product: string;
  status: LineStatus;
  provisioningContactEmail: string;
  provisioningEmailSentAt: Date | null;
  pastPonr: boolean;
  ponrAt: Date | null;
  organizationId: string | null;
  /** Days left before billing begins; null before the first email or once closed or provisioned. */
  daysLeft: number | null;
  provisioningStillPending: boolean;
}

export interface OrderStatus {
  order: Order;
  windowDays: number;
  lines: LineStatusView[];
}

export async function getOrderStatus(deps: CoreDeps, input: { actor: Actor; orderNumber: string }): Promise<OrderStatus> {
  const order = await getReadableOrder(deps, input.actor, input.orderNumber);
  const now = deps.clock.now();
  return {
    order,
    windowDays: policyWindowDays(order.offer),
    lines: order.lines.map((line) => ({
      lineNumber: line.lineNumber,
      product: line.product,
      status: line.status,
      provisioningContactEmail: line.provisioningContactEmail,
      provisioningEmailSentAt: line.provisioningEmailSentAt,
      pastPonr: isPastPonr(line),
      ponrAt: line.ponrAt,
      organizationId: line.organizationId,
      daysLeft: line.status === 'Awaiting Provisioning Details' ? daysLeftInWindow(line, now) : null,
      provisioningStillPending: isProvisioningStillPending(line),
    })),
  };
}
