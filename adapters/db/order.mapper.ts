import type { LinePatch, LineStatus, Order, OrderLine } from '../../core/index';
import type { Prisma, Order as OrderRow, OrderLine as OrderLineRow } from '../../prisma/generated/sqlite/client';

export type OrderWithLines = OrderRow & { lines: OrderLineRow[] };

/** Loads an order with its lines in line-number order, the order users see them in. */
export const withLines = { lines: { orderBy: { lineNumber: 'asc' } } } satisfies Prisma.OrderInclude;

export function toOrder(row: OrderWithLines): Order {
  return {
    number: row.number,
    subscriptionId: row.subscriptionId,
    offer: row.offer,
    domain: row.domain,
    placedBy: { email: row.placedByEmail, name: row.placedByName },
    requestedStartDate: row.requestedStartDate,
    createdAt: row.createdAt,
    lines: row.lines.map(toOrderLine),
  };
}

export function toOrderLine(row: OrderLineRow): OrderLine {
  return {
    lineNumber: row.lineNumber,
    product: row.product,
    // Only this adapter writes the column, always from a LineStatus.
    status: row.status as LineStatus,
    provisioningContactEmail: row.provisioningContactEmail,
    provisioningEmailSentAt: row.provisioningEmailSentAt,
    windowEndsAt: row.windowEndsAt,
    closedAt: row.closedAt,
    ponrAt: row.ponrAt,
    organizationId: row.organizationId,
    provisionedAt: row.provisionedAt,
  };
}

export function toOrderCreate(order: Order): Prisma.OrderCreateInput {
  return {
    number: order.number,
    subscriptionId: order.subscriptionId,
    offer: order.offer,
    domain: order.domain,
    placedByEmail: order.placedBy.email,
    placedByName: order.placedBy.name,
    requestedStartDate: order.requestedStartDate,
    createdAt: order.createdAt,
    lines: { create: order.lines.map(toLineCreate) },
  };
}

function toLineCreate(line: OrderLine): Prisma.OrderLineCreateWithoutOrderInput {
  return {
    lineNumber: line.lineNumber,
    product: line.product,
    status: line.status,
    provisioningContactEmail: line.provisioningContactEmail,
    provisioningEmailSentAt: line.provisioningEmailSentAt,
    windowEndsAt: line.windowEndsAt,
    closedAt: line.closedAt,
    ponrAt: line.ponrAt,
    organizationId: line.organizationId,
    provisionedAt: line.provisionedAt,
  };
}

/**
 * The columns a patch may set, picked one by one: a value typed LinePatch can still
 * carry other keys at runtime (lineNumber, product), which must not reach the update.
 * Undefined keys leave their column unchanged.
 */
export function toLineUpdate(patch: LinePatch): Prisma.OrderLineUpdateManyMutationInput {
  return {
    status: patch.status,
    provisioningContactEmail: patch.provisioningContactEmail,
    provisioningEmailSentAt: patch.provisioningEmailSentAt,
    windowEndsAt: patch.windowEndsAt,
    closedAt: patch.closedAt,
    ponrAt: patch.ponrAt,
    organizationId: patch.organizationId,
    provisionedAt: patch.provisionedAt,
  };
}
