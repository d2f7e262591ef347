import { z } from 'zod';
import type { Clock } from '../../../core/index';
import { createTokenCodec, isTokenError } from './signed-token';
import type { LinkError } from './link-signer';

/**
 * A link to a completed setup's order summary PDF, for Teams: a bot cannot attach a
 * file in a personal chat without a file consent card
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4), so the
 * card links to the PDF served by the bot. The token is the credential (HMAC-SHA256 over
 * the customer and the expiry, signed-token.ts, as the email approval links are), so it
 * expires and is never logged.
 */
export const SUMMARY_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface SummaryLinkPayload {
  customerId: string;
  expiresAt: Date;
}

export interface SummaryLinks {
  sign(payload: SummaryLinkPayload): string;
  verify(token: string, now: Date): SummaryLinkPayload | LinkError;
}

const ZSummaryWire = z.object({ v: z.literal(1), c: z.string().min(1).max(200), x: z.number().int().positive() }).strict();
/** Its own prefix: an approval link's token can never open a summary, nor the reverse. */
const SUMMARY_PURPOSE = 'provbot.summary-link.v1.';

export function createSummaryLinks(secret: string): SummaryLinks {
  const codec = createTokenCodec(secret, SUMMARY_PURPOSE, ZSummaryWire);
  return {
    sign: (p) => codec.encode({ v: 1, c: p.customerId, x: p.expiresAt.getTime() }),
    verify(token, now) {
      const wire = codec.decode(token);
      if (isTokenError(wire)) return wire;
      if (now.getTime() >= wire.x) return { error: 'expired' };
      return { customerId: wire.c, expiresAt: new Date(wire.x) };
    },
  };
}

/** The URL a card carries: `/links/order-summary/<token>` on the bot's public URL. */
export function summaryLinkFor(links: SummaryLinks, publicUrl: string, clock: Clock, lifetimeMs = SUMMARY_LINK_LIFETIME_MS) {
  const base = publicUrl.replace(/\/+$/, '');
  return (customerId: string): string =>
    `${base}/links/order-summary/${links.sign({ customerId, expiresAt: new Date(clock.now().getTime() + lifetimeMs) })}`;
}
