import { z } from 'zod';
import { ZEmail, ZOrderNumber } from '../../../core/index';
import type { LineSelection } from '../../../core/index';
import { closestWords, orList } from '../../presenters/closest-words';
import { ArgumentProblem, parseWord, stripMailto, WORK_ORDER_SHAPE, ZLogin, ZProductId, ZWorkOrderNumber } from './command-words';
import type { OrderCommand } from './parse-order-command';
import { parseOrderArgs } from './parse-order-command';
import type { RulesCommand } from './parse-rules-command';
import { parseRulesArgs } from './parse-rules-command';
import type { SearchCriteria } from './parse-search-command';
import { parseSearchArgs } from './parse-search-command';
import { parseChangeArgs } from './parse-change-command';
import type { ChangeCommand } from './parse-change-command';
import type { NotifyCommand } from './parse-notify-command';
import type { CaseCommand } from './parse-case-command';
import { parseCaseArgs } from './parse-case-command';
import { parseNotifyArgs } from './parse-notify-command';
import type { OnboardingCommand } from './parse-onboarding-command';
import { parseOnboardingArgs } from './parse-onboarding-command';

/**
 * The words of `/prov` in Slack and of a message to the bot in Teams:
 *   resend <order> [<line>|all]
 *   contact <order> <line>|all <new-email>
 *   status <order> | history <order> | help | ops (for administrators)
 *   case <order> [<line>] [resend|contact] <what happened> (parse-case-command.ts)
 * and for work orders (issue 3):
 *   order [<login> [<orderable> [key=value ...]]] | change <productId> settings|replace|owner ... | cancel <productId> | activities
 *   search <key=value ...>|<WO-number> | subscriber <login> | note <productId> <text>
 *   rules <domain> [set <Rule> <value>] | retry <WO-number> | abort <WO-number> | status <WO-number>
 * and for notification settings (issue 4):
 *   notify show|set|test|channel ... (parse-notify-command.ts)
 * and for onboarding: templates | template <name>|create | customers | customer <name>|create
 */
export type Command =
  | { kind: 'resend'; orderNumber: string; lines: LineSelection }
  | { kind: 'contact'; orderNumber: string; lines: LineSelection; email: string }
  | { kind: 'status'; orderNumber: string }
  | { kind: 'history'; orderNumber: string }
  | CaseCommand
  | { kind: 'help' }
  | { kind: 'ops' }
  | OrderCommand
  | { kind: 'cancel'; productId: string }
  | ChangeCommand
  | { kind: 'activities' }
  | { kind: 'search'; criteria: SearchCriteria }
  | { kind: 'subscriber'; login: string }
  | { kind: 'note'; productId: string; text: string }
  | RulesCommand
  | { kind: 'retry' | 'abort' | 'work-order'; orderNumber: string }
  | NotifyCommand
  | OnboardingCommand;

/** A failure names the verb when the verb was known, so the reply can show that one command's usage. */
export type ParseResult = { ok: true; command: Command } | { ok: false; problem: string; verb?: string };

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
  const result = parseWords(text);
  const verb = text.trim().split(/\s+/)[0]?.toLowerCase();
  return result.ok || !verb || !KNOWN_VERBS.includes(verb) ? result : { ...result, verb };
}

const BASIC_VERBS = ['help', 'resend', 'contact', 'status', 'history', 'case', 'ops'];

function parseWords(text: string): ParseResult {
  if (text.length > MAX_COMMAND_LENGTH)
    return { ok: false, problem: `That command is too long (${text.length} characters; at most ${MAX_COMMAND_LENGTH}).` };
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
        orderNumber: parseWord(ZOrderNumber, order!, 'order number'),
        lines: line === undefined ? 'all' : parseWord(ZLineWord, line, 'line'),
      }));
    case 'contact':
      return withArgs('contact', args, 3, 3, ([order, line, email]) => ({
        kind: 'contact',
        orderNumber: parseWord(ZOrderNumber, order!, 'order number'),
        lines: parseWord(ZLineWord, line!, 'line'),
        email: parseWord(ZEmail, stripMailto(email!), 'email'),
      }));
    case 'status':
      // Work orders and provisioning orders share the verb; the number's shape decides (WO-000123 vs ORD-1001).
      return withArgs(v, args, 1, 1, ([order]) =>
        WORK_ORDER_SHAPE.test(order!)
          ? { kind: 'work-order', orderNumber: parseWord(ZWorkOrderNumber, order!, 'work order number') }
          : { kind: 'status', orderNumber: parseWord(ZOrderNumber, order!, 'order number') },
      );
    case 'ops':
      return withArgs('ops', args, 0, 0, () => ({ kind: 'ops' }));
    case 'case':
      return attempt(() => parseCaseArgs(rest(text, verb!)));
    case 'history':
      return withArgs(v, args, 1, 1, ([order]) => ({ kind: v, orderNumber: parseWord(ZOrderNumber, order!, 'order number') }));
    default:
      return Object.hasOwn(WORK_ORDER_VERBS, v)
        ? WORK_ORDER_VERBS[v]!(args, rest(text, verb!))
        : { ok: false, problem: unknownVerb(verb!) };
  }
}

function unknownVerb(verb: string): string {
  const close = closestWords(verb, KNOWN_VERBS);
  return `I don't know "${verb.slice(0, 40)}".${close.length ? ` Did you mean ${orList(close)}?` : ''}`;
}

/** The text after the verb, as typed: `order` and `search` values may be quoted, a note keeps its spacing. */
const rest = (text: string, verb: string): string => text.trim().slice(verb.length).trim();

const WORK_ORDER_VERBS: Record<string, (args: string[], rest: string) => ParseResult> = {
  order: (_args, r) => attempt(() => parseOrderArgs(r)),
  change: (_args, r) => attempt(() => parseChangeArgs(r)),
  cancel: (args) => withArgs('cancel', args, 1, 1, ([id]) => ({ kind: 'cancel', productId: parseWord(ZProductId, id!, 'product id') })),
  activities: (args) => withArgs('activities', args, 0, 0, () => ({ kind: 'activities' })),
  search: (_args, r) => attempt(() => ({ kind: 'search', criteria: parseSearchArgs(r) })),
  subscriber: (args) =>
    withArgs('subscriber', args, 1, 1, ([login]) => ({ kind: 'subscriber', login: parseWord(ZLogin, login!, 'subscriber login') })),
  note: (args, r) => attempt(() => parseNote(args, r)),
  rules: (args) => attempt(() => parseRulesArgs(args)),
  retry: (args) => workOrderVerb('retry', args),
  abort: (args) => workOrderVerb('abort', args),
  notify: (_args, r) => attempt(() => parseNotifyArgs(r)),
  templates: (_args, r) => attempt(() => parseOnboardingArgs('templates', r)),
  template: (_args, r) => attempt(() => parseOnboardingArgs('template', r)),
  customers: (_args, r) => attempt(() => parseOnboardingArgs('customers', r)),
  customer: (_args, r) => attempt(() => parseOnboardingArgs('customer', r)),
  // The services setup's words are read by adapters/chat/run-setup-command.ts before these; here only what it did not take.
  services: () => ({ ok: false, problem: '"services setup" takes the customer\'s name: services setup <customer>.' }),
};

const KNOWN_VERBS = [...BASIC_VERBS, ...Object.keys(WORK_ORDER_VERBS)];

function workOrderVerb(kind: 'retry' | 'abort', args: string[]): ParseResult {
  return withArgs(kind, args, 1, 1, ([n]) => ({ kind, orderNumber: parseWord(ZWorkOrderNumber, n!, 'work order number') }));
}

function parseNote(args: string[], r: string): Command {
  if (args.length < 2) throw new ArgumentProblem(`"note" takes a product id and the note's text.`);
  const productId = parseWord(ZProductId, args[0]!, 'product id');
  return { kind: 'note', productId, text: r.slice(args[0]!.length).trim() };
}

function withArgs(verb: string, args: string[], min: number, max: number, build: (args: string[]) => Command): ParseResult {
  if (args.length < min || args.length > max) {
    const count = min === max ? `${min} argument${min === 1 ? '' : 's'}` : `${min} or ${max} arguments`;
    return { ok: false, problem: max === 0 ? `"${verb}" takes no arguments.` : `"${verb}" takes ${count}.` };
  }
  return attempt(() => build(args));
}

function attempt(build: () => Command): ParseResult {
  try {
    return { ok: true, command: build() };
  } catch (err) {
    if (err instanceof ArgumentProblem) return { ok: false, problem: err.message };
    throw err;
  }
}
