import type { Clock } from '../../core/index';

const DAY_MS = 86_400_000;

/**
 * A calendar day (YYYY-MM-DD, UTC) `days` after the clock's today (before, when
 * negative). Tests name "the future" and "the past" this way, never as a typed date,
 * so the suite passes on any day and with the clock shifted.
 */
export function dayFrom(clock: Clock, days: number): string {
  return new Date(clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
