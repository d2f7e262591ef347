import pino from 'pino';

/**
 * Structured logs. Anything that looks like a secret is redacted even if a caller
 * passes it by mistake: tokens, passwords, signatures, SMTP URLs with credentials.
 */
export function createLogger(level: string) {
  return pino({
    level,
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
  });
}

export type AppLogger = ReturnType<typeof createLogger>;
