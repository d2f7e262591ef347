import pino from 'pino';
import { currentCorrelationId } from '../adapters/observability/request-context';

/**
 * Structured logs. Anything that looks like a secret is redacted even if a caller
 * passes it by mistake: tokens, passwords, signatures, SMTP URLs with credentials.
 */
export function createLogger(level: string, destination?: pino.DestinationStream, onError?: (kind: string) => void) {
  const options: pino.LoggerOptions = {
    level,
    // `ops` lists the last errors: where (the line's fixed message) and the error's class or code, never its text.
    ...(onError
      ? {
          hooks: {
            logMethod(args, method, levelValue) {
              if (levelValue >= ERROR_LEVEL) onError(errorKind(args));
              return method.apply(this, args);
            },
          },
        }
      : {}),
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

/** pino's "error": error and fatal lines are the ones `ops` counts. */
const ERROR_LEVEL = 50;

/** "customer poll failed: TypeError": the line's message (a fixed phrase in our code) and the error's code or class. */
export function errorKind(args: unknown[]): string {
  const [first, second] = args;
  const fields = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
  const message = typeof first === 'string' ? first : typeof second === 'string' ? second : 'error';
  const err = fields.err;
  const code = err instanceof Error ? ((err as { code?: unknown }).code ?? err.name) : (fields.code ?? fields.type);
  const kind = typeof code === 'string' || typeof code === 'number' ? `: ${code}` : '';
  return `${message.slice(0, 80)}${kind}`;
}
