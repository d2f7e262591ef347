/** Durations as people say them in a notice. */

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A window in whole minutes, as set in the notification settings: "45 minutes",
 * "2 hours", "1 hour 30 minutes", "1 day", "1 day 6 hours".
 */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return [plural(days, 'day'), ...(hours ? [plural(hours, 'hour')] : [])].join(' ');
  if (hours > 0) return [plural(hours, 'hour'), ...(rest ? [plural(rest, 'minute')] : [])].join(' ');
  return plural(rest, 'minute');
}

/**
 * How long something has been waiting, short enough for a line per item: "under a
 * minute", "12 min", "3 h 5 min", "2 days 4 h". A clock behind `since` says "under a minute".
 */
export function formatAge(since: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${plural(days, 'day')}${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${rest ? ` ${rest} min` : ''}`;
  return `${rest} min`;
}
