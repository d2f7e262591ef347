import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed one-click links for access requests sent by email. The token is the whole
 * credential: whoever holds it may approve or decline as the placer, so it is signed
 * (HMAC-SHA256), expires, and is never logged.
 */
export const DEFAULT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

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

export type LinkError = { error: 'malformed' | 'bad-signature' | 'expired' };

export interface LinkSigner {
  sign(payload: AccessLinkPayload): string;
  verify(token: string, now: Date): AccessLinkPayload | LinkError;
}

export const isLinkError = (v: AccessLinkPayload | LinkError): v is LinkError => 'error' in v;

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

/** Signatures are over this prefix too, so a LINK_SECRET reused elsewhere cannot mint these tokens. */
const PURPOSE = 'provbot.access-link.v1.';
const MAX_TOKEN_LENGTH = 2048;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function createLinkSigner(secret: string): LinkSigner {
  if (secret.length < 32) throw new Error('the link secret must be at least 32 characters');
  const mac = (body: string) => createHmac('sha256', secret).update(PURPOSE + body).digest('base64url');

  return {
    sign(payload) {
      const expiresAt = payload.expiresAt.getTime();
      if (!Number.isFinite(expiresAt)) throw new Error('expiresAt is not a valid date');
      const wire = ZWire.parse({
        v: 1,
        r: payload.requestId,
        d: payload.decision,
        e: payload.approverEmail,
        x: expiresAt,
        n: payload.approverName?.slice(0, 200),
        q: payload.requester?.slice(0, 300),
        a: payload.action?.slice(0, 500),
      });
      const body = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
      return `${body}.${mac(body)}`;
    },

    verify(token, now) {
      if (token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return { error: 'malformed' };
      const [body = '', signature = ''] = token.split('.');
      // Compared as canonical strings: base64url decoding ignores trailing bits, so comparing
      // decoded bytes would accept several spellings of one signature.
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'bad-signature' };
      const wire = ZWire.safeParse(parseJson(Buffer.from(body, 'base64url').toString('utf8')));
      if (!wire.success) return { error: 'malformed' };
      const { r, d, e, x, n, q, a } = wire.data;
      if (now.getTime() >= x) return { error: 'expired' };
      return { requestId: r, decision: d, approverEmail: e, expiresAt: new Date(x), approverName: n, requester: q, action: a };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
