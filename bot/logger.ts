import pino from 'pino';
import { currentCorrelationId } from '../adapters/observability/request-context';

/**
 * Structured logs. Anything that looks like a secret is redacted even if a caller
 * passes it by mistake: tokens, passwords, signatures, SMTP URLs with credentials.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    // pino's standard error serializer copies every own property, and SDK errors carry
    // the failed request under them (a Slack WebClient error's `original.config.headers`
    // holds `Bearer xoxb-…`): only what says what went wrong is logged.
    serializers: { err: safeError },
    // Every line logged while a request or a delivery is handled carries its id
    // (adapters/observability/request-context.ts), without passing a child logger around.
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    redact: {
      paths: [
        '*.token',
        '*.botToken',
        '*.appToken',
        '*.signingSecret',
        '*.appPassword',
        '*.password',
        '*.apiToken',
        '*.authorization',
        'req.headers.authorization',
        'req.headers["x-slack-signature"]',
        '*.smtpUrl',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type LogDestination = pino.DestinationStream;

export type AppLogger = ReturnType<typeof createLogger>;

/** An error as logs may show it: its kind, message, codes and stack, nothing it carries. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 1000) };
  const e = err as Error & { code?: unknown; statusCode?: unknown; responseCode?: unknown };
  return {
    type: e.name,
    message: e.message.slice(0, 1000),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
    stack: e.stack,
  };
}
