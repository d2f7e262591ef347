import { problemText } from './field-problems';
import type { CaseOpened, FieldProblem, SupportCase } from '../../core/index';
import { CASE_USAGE } from '../chat/commands/parse-case-command';
import { SUPPORT_REQUEST_TYPE_NAMES } from '../../core/index';
import type { Field, View } from './view';
import { formatInstant, listLines } from './view';

/** The case's own fields, the same in chat, in `history` and in the email to support. */
export function caseFields(supportCase: SupportCase): Field[] {
  return [
    { label: 'Type of request', value: SUPPORT_REQUEST_TYPE_NAMES[supportCase.requestType] },
    { label: 'Lines', value: supportCase.lineNumbers.join(', ') },
    { label: 'Opened by', value: `${supportCase.openedBy.name} (${supportCase.openedBy.email})` },
    { label: 'What happened', value: supportCase.description },
  ];
}

/** What the partner sees once the case is opened: its number, where it went, and the portal if there is one. */
export function presentCaseOpened(result: CaseOpened): View {
  const c = result.supportCase;
  return {
    title: `Support case ${c.number} opened for order ${c.orderNumber}`,
    tone: 'success',
    paragraphs: [
      `I emailed the case to ${c.sentTo} with ${listLines(c.lineNumbers)}, the provisioning contact and the order's history. Quote ${c.number} when you follow it up.`,
      ...(result.supportUrl ? [`You can also follow it, or add screenshots, in the support portal: ${result.supportUrl}`] : []),
    ],
    fields: caseFields(c),
  };
}

/** One case as a `history` entry. */
export function caseHistoryEntry(c: SupportCase): { heading: string; fields: Field[] } {
  return { heading: `${formatInstant(c.createdAt)} · Support case ${c.number} · ${listLines(c.lineNumbers)}`, fields: caseFields(c) };
}

/** "open a support case (Resend Provisioning Email) on line 2" for access requests. */
export const describeCaseRequest = (requestType: SupportCase['requestType'], lines: string): string =>
  `open a support case (${SUPPORT_REQUEST_TYPE_NAMES[requestType]}) on ${lines}`;

/** What was wrong with a typed `case`, each problem in its own words, then how to type it. */
export function presentCaseProblem(problems: FieldProblem[], prefix: string): View {
  return {
    title: 'Usage',
    tone: 'warning',
    paragraphs: [
      ...problems.map(problemText),
      prefix + CASE_USAGE,
      `Example: ${prefix}case ORD-1001 2 resend The customer never received the email, and resending did nothing.`,
    ],
  };
}
