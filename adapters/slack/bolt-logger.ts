import { LogLevel } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/index';

/**
 * Bolt and the WebClient log through this, into the bot's structured logger.
 * Arguments become short strings (an Error its name and message only), so no
 * request object or header a library passes along can carry a token into the log.
 * Debug output is dropped: Bolt's debug lines include whole request bodies.
 */
export function boltLogger(log: Logger): BoltLogger {
  const line = (args: unknown[]) => args.map(describe).join(' ').slice(0, 1000);
  return {
    debug() {},
    info: (...args: unknown[]) => log.info({ component: 'slack' }, line(args)),
    warn: (...args: unknown[]) => log.warn({ component: 'slack' }, line(args)),
    error: (...args: unknown[]) => log.error({ component: 'slack' }, line(args)),
    setLevel() {},
    getLevel: () => LogLevel.INFO,
    setName() {},
  };
}

function describe(arg: unknown): string {
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === 'string') return arg;
  return typeof arg === 'object' && arg !== null ? '[object]' : String(arg);
}

/** What an error log may say about a failure: never the error object itself (it may hold request config). */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err).slice(0, 500) };
  const e = err as Error & { code?: unknown; data?: { error?: unknown } };
  return {
    error: `${e.name}: ${e.message}`.slice(0, 500),
    code: e.code,
    slackError: e.data?.error,
    stack: e.stack?.split('\n').slice(1, 6).join('\n'),
  };
}
