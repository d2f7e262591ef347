import { createHash } from 'node:crypto';
import { DeliveryRefused, ZEmail } from '../../core/index';

/** Envelope and header rules every email provbot sends follows. */

/** RFC 3834: automatic mail, so out-of-office responders do not answer it. */
export const AUTOMATIC: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };

/**
 * The same delivery key gives the same Message-ID, so a send retried after a lost
 * reply is recognisably the same mail (mail clients and archives drop the duplicate).
 */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}@provbot>`;
}

/**
 * The address a notice goes to, checked before anything is sent: a malformed address
 * (a typo in a group's external addresses) never becomes deliverable, so it is
 * refused for good rather than retried.
 */
export function recipientAddress(to: string): string {
  const parsed = ZEmail.safeParse(to);
  if (!parsed.success) throw new DeliveryRefused(`"${to.trim().slice(0, 100)}" is not a valid email address`, { permanent: true });
  return parsed.data;
}

/** "provbot <provbot@x.com>" → "provbot@x.com": what a partner's IT admin allowlists. */
export function bareAddress(from: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (angle?.[1] ?? from).trim();
}
