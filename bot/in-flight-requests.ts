import type express from 'express';
import type { Readiness } from './readiness';

/**
 * Counts the HTTP requests being answered, so a stopping process waits for them (a
 * Slack ack, a Teams turn, an API call) before it closes; once draining, a new request
 * is refused with 503 and `Connection: close`, so a client or load balancer tries
 * another process.
 */
export function inFlightRequests(readiness: Readiness) {
  let count = 0;
  const waiters: (() => void)[] = [];

  const middleware: express.RequestHandler = (_req, res, next) => {
    if (readiness.draining) {
      res.set({ Connection: 'close', 'Retry-After': '1' });
      return void res.status(503).json({ error: 'provbot is restarting: please try again in a moment.' });
    }
    count += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      count -= 1;
      if (count === 0) for (const resolve of waiters.splice(0)) resolve();
    };
    // 'close' too: a client that hangs up never gets its 'finish'.
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  return {
    middleware,
    get count() {
      return count;
    },
    /** Resolves once no request is being answered. */
    idle(): Promise<void> {
      if (count === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export type InFlightRequests = ReturnType<typeof inFlightRequests>;
