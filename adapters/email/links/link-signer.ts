import { z } from 'zod';
import { createTokenCodec, isTokenError } from './signed-token';

/**
 * Signed one-click links sent by email: access requests, and approvals of work
 * orders. The token is the whole credential: whoever holds it may decide as the
 * person it was sent to, so it is signed (HMAC-SHA256, signed-token.ts), expires, and
 * is never logged.
 */
export const DEFAULT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Approval links live 72 hours: long enough to span a weekend's unread mail, short
 * enough that a forwarded or leaked email stops deciding orders soon. An approver who
 * misses the window still has the activity in Slack or Teams (`/prov activities`).
 */
export const ACTIVITY_LINK_LIFETIME_MS = 72 * 60 * 60 * 1000;

export type LinkDecision = 'approve' | 'decline';

export interface AccessLinkPayload {
  requestId: string;
  decision: LinkDecision;
  /** The placer the request was sent to; the decision is made as them. */
  approverEmail: string;
  expiresAt: Date;
  /** Shown on the confirmation page. Signed, so the page can trust them without a lookup. */
  approverName?: string;
  /** "Jane Doe (jane@x.com)" */
  requester?: string;
  /** "resend the provisioning email for line 2 on order ORD-1" */
  action?: string;
}

/** Decline in the email is the activity's reject: "Approves orders ... and can also reject orders" (Processing Orders). */
export type ActivityLinkDecision = 'approve' | 'reject';

export interface ActivityLinkPayload {
  activityId: string;
  decision: ActivityLinkDecision;
  /** The recipient the email went to; the decision is made as them. */
  recipientEmail: string;
  orderNumber: string;
  /** The order version the email was built from: a later version makes the link stale. */
  orderVersion: number;
  expiresAt: Date;
}

export type LinkError = { error: 'malformed' | 'bad-signature' | 'expired' };

export interface LinkSigner {
  sign(payload: AccessLinkPayload): string;
  verify(token: string, now: Date): AccessLinkPayload | LinkError;
  signActivity(payload: ActivityLinkPayload): string;
  verifyActivity(token: string, now: Date): ActivityLinkPayload | LinkError;
}

export const isLinkError = (v: object): v is LinkError => 'error' in v;

/** Short keys keep the URL short; `v` lets a later format coexist with links already sent. */
const ZWire = z
  .object({
    v: z.literal(1),
    r: z.string().min(1).max(100),
    d: z.enum(['approve', 'decline']),
    e: z.string().min(3).max(254),
    x: z.number().int().positive(),
    n: z.string().max(200).optional(),
    q: z.string().max(300).optional(),
    a: z.string().max(500).optional(),
  })
  .strict();

const ZActivityWire = z
  .object({
    v: z.literal(1),
    i: z.string().min(1).max(100),
    d: z.enum(['approve', 'reject']),
    e: z.string().min(3).max(254),
    o: z.string().min(1).max(40),
    w: z.number().int().nonnegative(),
    x: z.number().int().positive(),
  })
  .strict();

/** Signatures are over these prefixes too, so a LINK_SECRET reused elsewhere cannot mint these tokens. */
const ACCESS_PURPOSE = 'provbot.access-link.v1.';
const ACTIVITY_PURPOSE = 'provbot.activity-link.v1.';

export function createLinkSigner(secret: string): LinkSigner {
  const access = createTokenCodec(secret, ACCESS_PURPOSE, ZWire);
  const activity = createTokenCodec(secret, ACTIVITY_PURPOSE, ZActivityWire);

  return {
    sign(payload) {
      return access.encode({
        v: 1,
        r: payload.requestId,
        d: payload.decision,
        e: payload.approverEmail,
        x: expiry(payload.expiresAt),
        n: payload.approverName?.slice(0, 200),
        q: payload.requester?.slice(0, 300),
        a: payload.action?.slice(0, 500),
      });
    },

    verify(token, now) {
      const wire = access.decode(token);
      if (isTokenError(wire)) return wire;
      const { r, d, e, x, n, q, a } = wire;
      // The signature is checked before the expiry, so a forged token never learns it is merely expired.
      if (now.getTime() >= x) return { error: 'expired' };
      return { requestId: r, decision: d, approverEmail: e, expiresAt: new Date(x), approverName: n, requester: q, action: a };
    },

    signActivity(payload) {
      return activity.encode({
        v: 1,
        i: payload.activityId,
        d: payload.decision,
        e: payload.recipientEmail,
        o: payload.orderNumber,
        w: payload.orderVersion,
        x: expiry(payload.expiresAt),
      });
    },

    verifyActivity(token, now) {
      const wire = activity.decode(token);
      if (isTokenError(wire)) return wire;
      const { i, d, e, o, w, x } = wire;
      if (now.getTime() >= x) return { error: 'expired' };
      return { activityId: i, decision: d, recipientEmail: e, orderNumber: o, orderVersion: w, expiresAt: new Date(x) };
    },
  };
}

function expiry(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new Error('expiresAt is not a valid date');
  return ms;
}
