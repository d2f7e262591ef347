/**
 * JSON kept in a text column (portable between SQLite and PostgreSQL). Dates are
 * tagged on the way in and revived on the way out, so a value read back has Date
 * objects where it had them (an ALREADY_DECIDED outcome carries `decidedAt`).
 */
const DATE_TAG = '$date';

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // JSON.stringify has already turned a Date into a string here; the holder still has the Date.
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : v;
  });
}

export function fromJsonText<T>(text: string): T {
  // A tagged Date always leaves its key in the text, as written above; without one the
  // reviver (a function call per value: a 1 KB notice parses 3x slower with it) has nothing to revive.
  if (!text.includes(`"${DATE_TAG}"`)) return JSON.parse(text) as T;
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[DATE_TAG];
      if (keys.length === 1 && typeof tagged === 'string') return new Date(tagged);
    }
    return v;
  }) as T;
}
