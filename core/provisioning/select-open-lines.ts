import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import type { LineSelection, Order, OrderLine } from './provisioning';
import { isPastPonr, selectLines } from './provisioning';

export async function getOrder(deps: CoreDeps, orderNumber: string): Promise<Order> {
  const order = await deps.orders.findByNumber(orderNumber);
  if (!order) throw new CoreError('ORDER_NOT_FOUND', { orderNumber });
  return order;
}

/** The lines a selection names; LINE_NOT_FOUND lists any that the order lacks. */
export function getNamedLines(order: Order, selection: LineSelection): OrderLine[] {
  const { found, missing } = selectLines(order, selection);
  if (missing.length > 0) {
    throw new CoreError('LINE_NOT_FOUND', {
      orderNumber: order.number,
      lineNumbers: missing,
      existing: order.lines.map((l) => l.lineNumber),
    });
  }
  return found;
}

export interface SkippedLine {
  lineNumber: number;
  reason: 'past-ponr' | 'already-contact';
}

/** A line whose organization is onboarded, or whose service is already set up, is closed to edits. */
const closedToEdits = (line: OrderLine) => isPastPonr(line) || line.status === 'Provisioned';

/**
 * The lines a resend or contact change may touch. Named lines past the PONR are
 * refused outright; with "all", they are skipped and reported ("Apply to all lines"
 * cascades only where the change is still allowed). Nothing open at all is PAST_PONR.
 */
export function selectOpenLines(deps: CoreDeps, order: Order, selection: LineSelection): { open: OrderLine[]; skipped: SkippedLine[] } {
  const found = getNamedLines(order, selection);
  const closed = found.filter(closedToEdits);
  const open = found.filter((l) => !closedToEdits(l));
  if (open.length === 0 || (selection !== 'all' && closed.length > 0)) {
    throw new CoreError('PAST_PONR', {
      orderNumber: order.number,
      lineNumbers: closed.map((l) => l.lineNumber),
      adminPortalUrl: deps.settings.adminPortalUrl,
    });
  }
  return { open, skipped: closed.map((l) => ({ lineNumber: l.lineNumber, reason: 'past-ponr' as const })) };
}

/** The order when the selection could run on it now (an access request for it could be carried out), else null. */
export function runnableOrNull(deps: CoreDeps, order: Order, selection: LineSelection): Order | null {
  try {
    selectOpenLines(deps, order, selection);
    return order;
  } catch (err) {
    if (err instanceof CoreError) return null;
    throw err;
  }
}
