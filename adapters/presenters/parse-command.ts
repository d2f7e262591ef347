import { z } from 'zod';
import { ZEmail, ZOrderNumber } from '../../core/index';
import type { LineSelection } from '../../core/index';

/**
 * The words of `/prov` in Slack and of a message to the bot in Teams:
 *   resend <order> [<line>|all]
 *   contact <order> <line>|all <new-email>
 *   status <order> | history <order> | help
 */
export type Command =
  | { kind: 'resend'; orderNumber: string; lines: LineSelection }
  | { kind: 'contact'; orderNumber: string; lines: LineSelection; email: string }
  | { kind: 'status'; orderNumber: string }
  | { kind: 'history'; orderNumber: string }
  | { kind: 'help' };

export type ParseResult = { ok: true; command: Command } | { ok: false; problem: string | null };

/** Slack caps command text far below this; Teams messages can be long. Past it, nothing is parsed. */
export const MAX_COMMAND_LENGTH = 500;

const ZLineWord = z.union([
  z.literal('all'),
  z
    .string()
    .regex(/^\d{1,4}$/, 'a line number or "all"')
    .transform((s) => [Number(s)])
    .refine((l) => l[0]! >= 1, 'line numbers start at 1'),
]);

export function parseCommand(text: string): ParseResult {
  if (text.length > MAX_COMMAND_LENGTH) return { ok: false, problem: `That command is too long (${text.length} characters; at most ${MAX_COMMAND_LENGTH}).` };
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...args] = words;
  const v = verb?.toLowerCase();
  switch (v) {
    case undefined:
    case 'help':
      return { ok: true, command: { kind: 'help' } };
    case 'resend':
      return withArgs('resend', args, 1, 2, ([order, line]) => ({
        kind: 'resend',
        orderNumber: parse(ZOrderNumber, order!, 'order number'),
        lines: line === undefined ? 'all' : parse(ZLineWord, line, 'line'),
      }));
    case 'contact':
      return withArgs('contact', args, 3, 3, ([order, line, email]) => ({
        kind: 'contact',
        orderNumber: parse(ZOrderNumber, order!, 'order number'),
        lines: parse(ZLineWord, line!, 'line'),
        email: parse(ZEmail, stripMailto(email!), 'email'),
      }));
    case 'status':
    case 'history':
      return withArgs(v, args, 1, 1, ([order]) => ({
        kind: v,
        orderNumber: parse(ZOrderNumber, order!, 'order number'),
      }));
    default:
      return { ok: false, problem: `I don't know "${verb!.slice(0, 40)}".` };
  }
}

class ArgumentProblem extends Error {}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, string>, word: string, what: string): T {
  const r = schema.safeParse(word);
  if (!r.success) throw new ArgumentProblem(`"${word.slice(0, 80)}" is not a valid ${what}: ${r.error.issues[0]?.message}.`);
  return r.data;
}

/** Slack turns typed addresses into <mailto:a@b|a@b> links before the command reaches us. */
function stripMailto(word: string): string {
  const m = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(word);
  return m ? m[1]! : word;
}

function withArgs(verb: string, args: string[], min: number, max: number, build: (args: string[]) => Command): ParseResult {
  if (args.length < min || args.length > max) {
    return { ok: false, problem: `"${verb}" takes ${min === max ? min : `${min} or ${max}`} argument${max > 1 ? 's' : ''}.` };
  }
  try {
    return { ok: true, command: build(args) };
  } catch (err) {
    if (err instanceof ArgumentProblem) return { ok: false, problem: err.message };
    throw err;
  }
}
