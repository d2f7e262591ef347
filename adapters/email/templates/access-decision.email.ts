import type { AccessRequest, ActionOutcome, ContactChangeDone, ResendDone, SkippedLine } from '../../../core/index';
import { CoreError } from '../../../core/index';
import { unexpectedMessage, userMessage } from '../../presenters/user-messages';
import { presentCaseOpened } from '../../presenters/present-support-case';
import { presentDomainActionDone } from '../../presenters/present-domain-action';
import { viewToText } from '../../presenters/view';
import { describeAction, describeLines } from './describe-request';
import type { Block, EmailContent, Inline } from './email-layout';
import { composeEmail, link, list, note, paragraph } from './email-layout';

/** Tells the requester how the placer decided and, when approved, what provbot then did. */
export function accessDecisionEmail(input: { request: AccessRequest }): EmailContent {
  const { request } = input;
  const by = request.decidedBy?.name ?? request.approver?.name ?? `An administrator of ${request.domain}`;
  const about = request.orderNumber === null ? `in ${request.domain}` : `on order ${request.orderNumber}`;
  const what = request.orderNumber === null ? describeAction(request.action) : `${describeAction(request.action)} ${about}`;
  if (request.status !== 'Approved') {
    const contact = request.approver
      ? `${request.approver.name} (${request.approver.email}), who placed the order`
      : `${by}, an administrator of ${request.domain}`;
    return composeEmail(`Declined: your request ${about}`, [
      paragraph(`Hello ${request.requester.name},`),
      paragraph(`${by} declined your request to ${what}. Nothing was changed.`),
      note(`If you think this is a mistake, contact ${contact}.`),
    ]);
  }
  const failed = request.outcome !== null && !request.outcome.ok;
  return composeEmail(`${failed ? 'Approved, but not done' : 'Approved'}: your request ${about}`, [
    paragraph(`Hello ${request.requester.name},`),
    paragraph(`${by} approved your request to ${what}.`),
    ...outcomeBlocks(request.outcome),
  ]);
}

function outcomeBlocks(outcome: ActionOutcome | null): Block[] {
  if (!outcome) return [];
  if (outcome.ok) {
    const { result } = outcome;
    if (result.kind === 'case-opened') return [paragraph(viewToText(presentCaseOpened(result)))];
    if (result.kind !== 'resent' && result.kind !== 'contact-changed') return [paragraph(viewToText(presentDomainActionDone(result)))];
    return result.kind === 'resent' ? resentBlocks(result) : contactBlocks(result);
  }
  if (outcome.code === 'UNEXPECTED') return [paragraph(unexpectedMessage(outcome.ref))];
  if (outcome.code === 'PAST_PONR') {
    // The request was checked when it was made; the organization was onboarded while it
    // waited. "Either provisioning contact or admin can complete the service set up by
    // logging into" the admin portal (ccw-resend-provisioning-email).
    const d = outcome.details as CoreError<'PAST_PONR'>['details'];
    const lines = d.lineNumbers.length > 0 ? describeLines(d.lineNumbers) : 'its lines';
    return [
      paragraph(
        `It could not be done: the organization was onboarded meanwhile, so ${lines} of order ${d.orderNumber} `,
        'can no longer be changed here. The provisioning contact or an admin can complete setup at ',
        link(d.adminPortalUrl),
        '.',
      ),
    ];
  }
  return [paragraph(`It could not be done: ${userMessage(new CoreError(outcome.code, outcome.details))}`)];
}

function resentBlocks(result: ResendDone): Block[] {
  const items: Inline[][] = result.attempts.map((a) =>
    a.status === 'Sent'
      ? [`Line ${a.lineNumber}: provisioning email sent to ${a.to}.`]
      : a.status === 'Pending'
        ? [`Line ${a.lineNumber}: the provisioning email to ${a.to} is on its way; the order history shows when it is sent.`]
        : [
            `Line ${a.lineNumber}: the email to ${a.to} could not be sent (${a.error ?? 'no reason given'}); it is recorded as Failed and can be resent.`,
          ],
  );
  const sent = result.attempts.some((a) => a.status !== 'Failed');
  return [list([...items, ...skippedItems(result.skipped)]), ...(sent ? [spamAdvice(result.senderAddress)] : [])];
}

function contactBlocks(result: ContactChangeDone): Block[] {
  const items: Inline[][] = result.changed.map((c) => {
    const changed = `Line ${c.lineNumber}: contact changed from ${c.oldContact} to ${result.newContact}`;
    if (c.email === null) return [`${changed}; the provisioning email goes to them on ${result.requestedStartDate}.`];
    if (c.email.status === 'Sent') return [`${changed}; provisioning email sent.`];
    if (c.email.status === 'Pending') return [`${changed}; the provisioning email to them is on its way.`];
    return [`${changed}, but the email could not be sent (${c.email.error ?? 'no reason given'}); resend it to try again.`];
  });
  const all = [...items, ...skippedItems(result.skipped)];
  const sent = result.changed.some((c) => c.email && c.email.status !== 'Failed');
  return [all.length > 0 ? list(all) : paragraph('Nothing needed changing.'), ...(sent ? [spamAdvice(result.senderAddress)] : [])];
}

const SKIPPED: Record<SkippedLine['reason'], string> = {
  'past-ponr': 'skipped, the organization is already onboarded (past the point of no return)',
  'already-contact': 'already had that provisioning contact',
};
const skippedItems = (skipped: SkippedLine[]): Inline[][] => skipped.map((s) => [`Line ${s.lineNumber}: ${SKIPPED[s.reason]}.`]);

/** "If the provisioning contact has not received an email, please check the Spam filters or folder." */
const spamAdvice = (sender: string): Block =>
  note(`If the email does not arrive, check the spam or junk folder, and ask the IT admin to allow the sender ${sender}.`);
