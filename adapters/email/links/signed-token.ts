import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/**
 * The HMAC-SHA256 token format shared by every kind of emailed link:
 * `<base64url(JSON)>.<base64url(HMAC(purpose + body))>`. The purpose prefix keeps the
 * kinds apart: a token minted for access requests never verifies as an activity link,
 * and a LINK_SECRET reused elsewhere cannot mint either.
 */
export type TokenError = { error: 'malformed' | 'bad-signature' };

export interface TokenCodec<W> {
  encode(wire: W): string;
  decode(token: string): W | TokenError;
}

const MAX_TOKEN_LENGTH = 2048;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function createTokenCodec<S extends z.ZodTypeAny>(secret: string, purpose: string, schema: S): TokenCodec<z.infer<S>> {
  if (secret.length < 32) throw new Error('the link secret must be at least 32 characters');
  const mac = (body: string) =>
    createHmac('sha256', secret)
      .update(purpose + body)
      .digest('base64url');

  return {
    encode(wire) {
      const body = Buffer.from(JSON.stringify(schema.parse(wire)), 'utf8').toString('base64url');
      return `${body}.${mac(body)}`;
    },

    decode(token) {
      if (token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return { error: 'malformed' };
      const [body = '', signature = ''] = token.split('.');
      // Compared as canonical strings: base64url decoding ignores trailing bits, so comparing
      // decoded bytes would accept several spellings of one signature.
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'bad-signature' };
      const wire = schema.safeParse(parseJson(Buffer.from(body, 'base64url').toString('utf8')));
      return wire.success ? (wire.data as z.infer<S>) : { error: 'malformed' };
    },
  };
}

export const isTokenError = (v: unknown): v is TokenError => typeof v === 'object' && v !== null && 'error' in v;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
