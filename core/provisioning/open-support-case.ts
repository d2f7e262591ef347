import { problemsFromZod } from '../validation-problems';
import { z } from 'zod';
import type { AccessRequested } from '../access/request-access';
import { requestAccess } from '../access/request-access';
import { checkOrderAccess } from '../access/authorize-order-action';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { actorAsPerson } from '../directory/actor';
import { CoreError } from '../errors';
import { noWrites } from '../notifications/delivery';
import { ZFreeText } from '../text.schemas';
import type { LineSelection, Order } from './provisioning';
import { ZLineSelection } from './provisioning.schemas';
import { getNamedLines } from './select-open-lines';
import type { SupportCase, SupportRequestType } from './support-case';

/** A case is read by a person at support: a screenful, not a log. */
export const MAX_CASE_DESCRIPTION = 2000;

export interface OpenCaseInput {
  actor: Actor;
  orderNumber: string;
  /** The lines it is about; all of the order's when none are named. */
  lines: LineSelection;
  description: string;
  /** Null: inferred from what was last tried on those lines (see inferRequestType). */
  requestType: SupportRequestType | null;
}

export interface CaseOpened {
  kind: 'case-opened';
  supportCase: SupportCase;
  /** The support portal (SUPPORT_URL), when configured. */
  supportUrl: string | null;
}

export type OpenCaseResult = CaseOpened | AccessRequested;

const ZInput = z.object({
  description: ZFreeText(MAX_CASE_DESCRIPTION),
  lines: ZLineSelection,
  requestType: z.enum(['contact', 'resend']).nullable(),
});

/**
 * "If you still face issues before the Point of No Return, then you may open a case"
 * (ccw-change-provisioning-contact, ccw-resend-provisioning-email): the case is recorded
 * and emailed to the configured support address with the order, its lines, the contact
 * and the Transaction Manager history. Who may: whoever may resend or change the contact
 * of the order; anyone else asks the placer, as for those.
 */
export async function openSupportCase(deps: CoreDeps, input: OpenCaseInput): Promise<OpenCaseResult> {
  const { description, lines, requestType } = validate(input);
  supportAddress(deps);
  const access = await checkOrderAccess(deps, input.actor, input.orderNumber);
  if (!access.allowed) {
    // Someone who may not read the order's history names the type: inferring it for them,
    // or asking only when it cannot be inferred, would tell them whether anything was tried.
    if (!requestType) throw typeUnknown('say which');
    const order = access.order && linesExist(access.order, lines) ? access.order : null;
    return requestAccess(deps, {
      actor: input.actor,
      orderNumber: input.orderNumber,
      order,
      action: { kind: 'case', lines, description, requestType },
    });
  }
  return performOpenCase(deps, input.actor, access.order, { lines, description, requestType });
}

/** The case itself, once the actor is known to be allowed (or the placer approved). */
export async function performOpenCase(
  deps: CoreDeps,
  actor: Actor,
  order: Order,
  input: { lines: LineSelection; description: string; requestType: SupportRequestType | null },
): Promise<CaseOpened> {
  const sentTo = supportAddress(deps);
  const lineNumbers = getNamedLines(order, input.lines).map((l) => l.lineNumber);
  const requestType = input.requestType ?? (await inferRequestType(deps, order.number, lineNumbers));
  if (!requestType) throw typeUnknown('nothing tried');
  const supportCase = await deps.supportCases.open(
    {
      orderNumber: order.number,
      lineNumbers,
      requestType,
      description: input.description,
      openedBy: actorAsPerson(actor),
      channel: actor.channel,
      sentTo,
      createdAt: deps.clock.now(),
    },
    (opened) => ({
      ...noWrites(),
      deliveries: [
        {
          key: `support-case:${opened.number}`,
          target: { channel: 'email', address: sentTo, asUser: false, domain: order.domain },
          content: { kind: 'support-case', caseNumber: opened.number },
          dueAt: opened.createdAt,
        },
      ],
    }),
  );
  await deps.deliveries.deliveriesWritten();
  return { kind: 'case-opened', supportCase, supportUrl: deps.settings.supportUrl ?? null };
}

/**
 * The rule for the type of request: what the partner tried last on those lines. The
 * newest resend in the history makes it "Resend Provisioning Email", the newest contact
 * change "Change Provisioning Contact Email"; initial emails are the scheduler's, not a
 * try. With neither (a refused attempt records nothing), the partner names it.
 */
export async function inferRequestType(deps: CoreDeps, orderNumber: string, lineNumbers: number[]): Promise<SupportRequestType | null> {
  const history = await deps.transactions.listForOrder(orderNumber, 50);
  const last = history.find((tx) => lineNumbers.includes(tx.lineNumber) && tx.kind !== 'initial-email');
  if (!last) return null;
  return last.kind === 'resend' ? 'resend' : 'contact';
}

function validate(input: OpenCaseInput) {
  const parsed = ZInput.safeParse({ description: input.description, lines: input.lines, requestType: input.requestType });
  if (parsed.success) return parsed.data;
  throw new CoreError('VALIDATION_FAILED', { fields: problemsFromZod(parsed.error, { '': 'description' }) });
}

function linesExist(order: Order, lines: LineSelection): boolean {
  return lines === 'all' || lines.every((n) => order.lines.some((l) => l.lineNumber === n));
}

function supportAddress(deps: CoreDeps): string {
  const address = deps.settings.supportEmail;
  if (!address) throw new CoreError('SUPPORT_NOT_CONFIGURED', { supportUrl: deps.settings.supportUrl ?? null });
  return address;
}

function typeUnknown(why: 'say which' | 'nothing tried'): CoreError<'VALIDATION_FAILED'> {
  const message =
    why === 'nothing tried'
      ? 'Nothing was resent or changed on these lines yet, so say whether the case is about resending the provisioning email or changing the provisioning contact.'
      : 'Say whether the case is about resending the provisioning email or changing the provisioning contact.';
  return new CoreError('VALIDATION_FAILED', { fields: [{ field: 'requestType', message }] });
}
