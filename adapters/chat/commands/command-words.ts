import { z } from 'zod';
import { ZDomainName } from '../../../core/index';

/** A malformed argument; its message is the problem sentence the user sees above the usage. */
export class ArgumentProblem extends Error {}

export function parseWord<T>(schema: z.ZodType<T, z.ZodTypeDef, string>, word: string, what: string): T {
  const r = schema.safeParse(word);
  if (!r.success) throw new ArgumentProblem(`"${word.slice(0, 80)}" is not a valid ${what}: ${r.error.issues[0]?.message}.`);
  return r.data;
}

/** Slack turns typed addresses into <mailto:a@b|a@b> links before the command reaches us. */
export function stripMailto(word: string): string {
  const m = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(word);
  return m ? m[1]! : word;
}

/**
 * Slack also links what looks like a domain or a URL (<http://acme.example|acme.example>)
 * and phone numbers (<tel:5001|5001>): keep what the user typed, the label.
 */
export function stripSlackLink(word: string): string {
  const m = /^<(?:[a-z]+:)?([^|>]*)(?:\|([^>]*))?>$/i.exec(word);
  if (!m) return word;
  return m[2] ?? m[1]!.replace(/^\/\//, '');
}

export const ZLogin = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'letters, digits, dot, dash, underscore and @ only, at most 64');

export const ZProductId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'product ids are letters, digits, dash and underscore (see "subscriber <login>")');

/** Work orders are numbered WO-000001 (WorkOrderRepository.nextOrderNumber); "wo-123" means WO-000123. */
export const WORK_ORDER_SHAPE = /^WO-\d{1,12}$/i;
export const ZWorkOrderNumber = z
  .string()
  .regex(WORK_ORDER_SHAPE, 'work order numbers look like WO-000123')
  .transform((s) => `WO-${String(Number(s.slice(3))).padStart(6, '0')}`);

export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  // zod runs refinements after a failed regex too: the text may not be a date at all.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'not a calendar date');

/** A domain typed in a command: the core's one rule for domain names. */
export const ZDomain = ZDomainName;

/** A word of the command, with where the first `=` typed outside quotes is (-1: none). */
export interface Word {
  text: string;
  eq: number;
}

/**
 * Splits on white space, keeping quoted runs ("with spaces") in one word without the
 * quotes. Any of " “ ” opens or closes a run: Slack and Teams clients on macOS and iOS
 * turn typed straight quotes into curly ones.
 */
export function splitWords(input: string): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let quoted = false;
  for (const ch of input) {
    const isQuote = ch === '"' || ch === '“' || ch === '”';
    if (!quoted && /\s/.test(ch)) {
      if (current) words.push(current);
      current = null;
      continue;
    }
    current ??= { text: '', eq: -1 };
    if (isQuote) quoted = !quoted;
    else {
      if (ch === '=' && !quoted && current.eq < 0) current.eq = current.text.length;
      current.text += ch;
    }
  }
  if (quoted) throw new ArgumentProblem('A quote (") is not closed.');
  if (current) words.push(current);
  return words;
}

export interface Pair {
  key: string;
  value: string;
}

/**
 * key=value pairs. A word without `=` continues the value before it, so
 * `lineType=Chosen Line` needs no quotes; a value that holds `=` or several spaces
 * in a row does.
 */
export function collectPairs(words: Word[], example: string): Pair[] {
  const pairs: Pair[] = [];
  for (const w of words) {
    if (w.eq === 0) throw new ArgumentProblem(`"${w.text.slice(0, 80)}" has no name before "=".`);
    if (w.eq > 0) pairs.push({ key: w.text.slice(0, w.eq), value: w.text.slice(w.eq + 1) });
    else if (pairs.length > 0) {
      const last = pairs[pairs.length - 1]!;
      last.value = last.value === '' ? w.text : `${last.value} ${w.text}`;
    } else throw new ArgumentProblem(`"${w.text.slice(0, 80)}" is not key=value (for example ${example}).`);
  }
  for (const p of pairs) p.value = stripSlackLink(p.value.trim());
  return pairs;
}

/** Lower case with spaces, dashes and dots left out: "Extension-Mobility line" matches "ExtensionMobilityLine". */
export const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
