import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Bearer API_TOKEN for systems that submit orders. Without API_TOKEN the API is
 * closed rather than open: an unset secret must never mean "anyone may".
 */
export function bearerAuth(
  apiToken: string | undefined,
  disabled = 'The order API is disabled: set API_TOKEN to enable it.',
): RequestHandler {
  const expected = apiToken ? digest(apiToken) : null;
  return (req, res, next) => {
    if (!expected) {
      res.status(503).json({ error: disabled });
      return;
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    // Comparing digests keeps the comparison constant-time whatever the token length.
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or wrong bearer token.' });
      return;
    }
    next();
  };
}
