import type { Logger } from '../../core/index';
import { isCoreError } from '../../core/index';
import { presentError } from '../presenters/present-error';
import type { View } from '../presenters/view';

/** A short id the user quotes and the log carries. */
export const newRef = (): string => globalThis.crypto.randomUUID().slice(0, 8);

/**
 * What a log line may say about a failure: never the error object itself, whose
 * request (connector calls carry `Authorization: Bearer …`) would reach the log.
 */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err).slice(0, 500) };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    error: `${e.name}: ${e.message}`.slice(0, 500),
    code: e.code,
    statusCode: e.statusCode,
    stack: e.stack?.split('\n').slice(1, 6).join('\n'),
  };
}

/** Expected failures get their words; anything else is logged with the ref the user sees. */
export function presentFailure(err: unknown, log: Logger, what: string): View {
  const ref = newRef();
  if (!isCoreError(err)) log.error({ ref, ...errorSummary(err) }, `${what} failed`);
  return presentError(err, ref);
}
