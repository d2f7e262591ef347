import type { Actor } from '../directory/actor';
import { sameEmail } from '../directory/actor';
import { hasRole } from '../directory/directory';
import type { Order } from '../provisioning/provisioning';

/**
 * Who may resend or change the contact of an order, or read it: "Suppose you have
 * access to resend the email from CCW" (ccw-resend-provisioning-email). Here that is
 * the order's placer, an Ordering user of the order's domain, or an Administrator.
 */
export function mayActOnOrder(actor: Actor, order: Order): boolean {
  if (sameEmail(actor.email, order.placedBy.email)) return true;
  const user = actor.user;
  if (!user) return false;
  return hasRole(user, 'Ordering', order.domain) || hasRole(user, 'Administrator', order.domain);
}

/** Only the placer (whom the request was sent to) or an Administrator of the domain decides. */
export function mayDecideAccessRequest(actor: Actor, approverEmail: string, domain: string): boolean {
  if (sameEmail(actor.email, approverEmail)) return true;
  return !!actor.user && hasRole(actor.user, 'Administrator', domain);
}
