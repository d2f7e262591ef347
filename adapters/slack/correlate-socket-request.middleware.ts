import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { newCorrelationId, openRequestContext } from '../observability/request-context';

interface SocketRequestLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Socket Mode requests arrive on the WebSocket, not through the HTTP server whose
 * middleware gives each request its correlation id (correlation.middleware.ts); this
 * gives each envelope one instead, so the lines a command or click causes, including
 * the work queued after its ack, can be followed as they are over HTTP. One line per
 * request handled, as the HTTP side logs one per request answered.
 */
export function correlateSocketRequests(log: SocketRequestLog): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    const started = process.hrtime.bigint();
    const context = openRequestContext(newCorrelationId());
    await context.run(async () => {
      try {
        await next();
      } finally {
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
        log.info({ transport: 'socket', label: context.label ?? 'other', ms }, 'request handled');
      }
    });
  };
}
