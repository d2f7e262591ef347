const DAY_MS = 86_400_000;

/** Saturday or Sunday, in UTC: "7 business days (weekends excluded)". */
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** `days` business days after (before, when negative) `from`, at the same time of day; weekends are skipped. */
export function addBusinessDays(from: Date, days: number): Date {
  const step = days < 0 ? -1 : 1;
  let at = new Date(from);
  for (let left = Math.abs(days); left > 0; ) {
    at = new Date(at.getTime() + step * DAY_MS);
    if (!isWeekend(at)) left -= 1;
  }
  return at;
}
