import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { sameEmail } from '../directory/actor';
import { ANY_DOMAIN, hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import type { Order } from '../provisioning/provisioning';

/** The roles that open an order of their domain to its holder. */
const ORDER_ROLES = ['Ordering', 'Administrator'] as const;

/**
 * Who may resend or change the contact of an order, or read it: "Suppose you have
 * access to resend the email from CCW" (ccw-resend-provisioning-email). Here that is
 * the order's placer, an Ordering user of the order's domain, or an Administrator.
 */
export function mayActOnOrder(actor: Actor, order: Order): boolean {
  if (sameEmail(actor.email, order.placedBy.email)) return true;
  const user = actor.user;
  return !!user && ORDER_ROLES.some((role) => hasRole(user, role, order.domain));
}

/**
 * Only the placer (whom the request was sent to) or an Administrator of the domain
 * decides; a domain request (no approver) only its Administrators.
 */
export function mayDecideAccessRequest(actor: Actor, approverEmail: string | null, domain: string): boolean {
  if (approverEmail && sameEmail(actor.email, approverEmail)) return true;
  return !!actor.user && hasRole(actor.user, 'Administrator', domain);
}

/**
 * The order when the actor may act on it; else `refused`, with the order when there is
 * one. Only someone who may act on every domain's orders learns that a number names no
 * order (ORDER_NOT_FOUND): to anyone else an unknown number and another's order look
 * alike, so order numbers cannot be enumerated.
 */
export type OrderAccess = { allowed: true; order: Order } | { allowed: false; order: Order | null };

export async function checkOrderAccess(deps: CoreDeps, actor: Actor, orderNumber: string): Promise<OrderAccess> {
  const order = await deps.orders.findByNumber(orderNumber);
  if (order) return mayActOnOrder(actor, order) ? { allowed: true, order } : { allowed: false, order };
  const everyDomain = actor.user?.roles.some((g) => g.domain === ANY_DOMAIN && (ORDER_ROLES as readonly string[]).includes(g.role));
  if (everyDomain) throw new CoreError('ORDER_NOT_FOUND', { orderNumber });
  return { allowed: false, order: null };
}

/** Status and history show contacts and who did what: the same people who may act may read; others learn nothing. */
export async function getReadableOrder(deps: CoreDeps, actor: Actor, orderNumber: string): Promise<Order> {
  const access = await checkOrderAccess(deps, actor, orderNumber);
  if (access.allowed) return access.order;
  throw new CoreError('NOT_AUTHORIZED', { action: `see order ${orderNumber}`, reason: 'you have no access to it' });
}
