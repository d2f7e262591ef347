import { z } from 'zod';
import type { LineSelection, SupportRequestType } from '../../../core/index';
import { ZOrderNumber } from '../../../core/index';
import { ArgumentProblem, parseWord } from './command-words';

export const CASE_USAGE = 'case <order> [<line>] [resend|contact] <what happened>';

export interface CaseCommand {
  kind: 'case';
  orderNumber: string;
  lines: LineSelection;
  /** Null: the core infers it from what was last tried on those lines. */
  requestType: SupportRequestType | null;
  description: string;
}

const LINE = /^(\d{1,4}|all)$/i;
const TYPE_WORDS: Record<string, SupportRequestType> = { resend: 'resend', contact: 'contact' };

/**
 * `case <order> [<line>|all] [resend|contact] <what happened>`: a line number right after
 * the order names one line (all of them otherwise); "resend" or "contact" next names the
 * type of request, and stays in the description, where it reads naturally ("resend does
 * nothing"). The description keeps its spacing and line breaks; the core checks it.
 */
export function parseCaseArgs(rest: string): CaseCommand {
  const [orderWord, afterOrder] = splitFirst(rest);
  if (!orderWord) throw new ArgumentProblem(`"case" takes an order number and what happened: ${CASE_USAGE}.`);
  const orderNumber = parseWord(ZOrderNumber, orderWord, 'order number');
  let text = afterOrder ?? '';
  let lines: LineSelection = 'all';
  const [maybeLine, afterLine] = splitFirst(text);
  if (maybeLine && LINE.test(maybeLine)) {
    lines = maybeLine.toLowerCase() === 'all' ? 'all' : [parseWord(ZLine, maybeLine, 'line')];
    text = afterLine ?? '';
  }
  const [firstWord] = splitFirst(text);
  const requestType = (firstWord && TYPE_WORDS[firstWord.toLowerCase()]) || null;
  return { kind: 'case', orderNumber, lines, requestType, description: text };
}

const ZLine = z
  .string()
  .transform(Number)
  .refine((n) => n >= 1, 'line numbers start at 1');

/** The first word and the text after it as typed (line breaks kept). */
function splitFirst(text: string): [string | undefined, string | undefined] {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  return m ? [m[1], m[2]] : [undefined, undefined];
}
