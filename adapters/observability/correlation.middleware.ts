import type { RequestHandler } from 'express';
import { correlationIdFrom, openRequestContext } from './request-context';

/** The chat endpoints whose answer is the platform's ack (Slack's 3 s, Teams' invoke and message turns). */
const CHAT_PATHS: Record<string, 'slack' | 'teams'> = { '/slack/events': 'slack', '/api/messages': 'teams' };
/** Polled every few seconds by probes and scrapers: an access line for each would bury the rest. */
const QUIET_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

export interface CorrelationOptions {
  log: { info(fields: Record<string, unknown>, message: string): void };
  /** Told when a chat request was answered: the platform, what it was (a bounded label) and how long it took. */
  ackObserved(platform: 'slack' | 'teams', label: string, seconds: number): void;
}

/**
 * Gives each request a correlation id (its X-Request-Id when that is safe, else a new
 * one), answers with it in X-Request-Id, and runs the rest of the request inside it,
 * so every log line the request causes carries it. Logs one line per request answered.
 */
export function correlateRequests(o: CorrelationOptions): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const context = openRequestContext(correlationIdFrom(req.get('x-request-id')));
    res.setHeader('X-Request-Id', context.correlationId);
    const platform = CHAT_PATHS[req.path];
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const label = context.label ?? 'other';
      if (platform && req.method === 'POST') o.ackObserved(platform, label, seconds);
      if (QUIET_PATHS.has(req.path)) return;
      context.run(() =>
        o.log.info(
          {
            method: req.method,
            path: req.path,
            status: res.statusCode,
            ms: Math.round(seconds * 1e4) / 10,
            ...(platform ? { label } : {}),
          },
          'request answered',
        ),
      );
    });
    context.run(next);
  };
}
