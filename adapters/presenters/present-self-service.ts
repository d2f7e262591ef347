import type { AccessRequested, ContactChangeDone, EmailAttempt, ResendDone, SkippedLine } from '../../core/index';
import type { Tone, View } from './view';
import { listLines } from './view';

const SKIP_REASON: Record<SkippedLine['reason'], string> = {
  'past-ponr': 'past the point of no return',
  'already-contact': 'already has that contact',
};

function skippedParagraphs(skipped: SkippedLine[]): string[] {
  const byReason = new Map<string, number[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.lineNumber]);
  return [...byReason].map(([reason, lines]) => `Skipped ${listLines(lines)}: ${SKIP_REASON[reason as SkippedLine['reason']]}.`);
}

function failedParagraphs(attempts: EmailAttempt[]): string[] {
  return attempts
    .filter((a) => a.status === 'Failed')
    .map(
      (a) =>
        `The email for line ${a.lineNumber} to ${a.to} could not be sent (${a.error}). It is recorded as Failed; try resend again later.`,
    );
}

/** Sent, or on its way: the outbox sends a queued email as soon as the mail server takes it. */
const goingOut = (a: EmailAttempt | null): boolean => a?.status === 'Sent' || a?.status === 'Pending';

const toneOf = (attempts: (EmailAttempt | null)[]): Tone =>
  attempts.some((a) => a?.status === 'Failed') ? (attempts.some(goingOut) ? 'warning' : 'error') : 'success';

const resentLine = (a: EmailAttempt): string =>
  a.status === 'Sent'
    ? `Line ${a.lineNumber}: sent to ${a.to}.`
    : `Line ${a.lineNumber}: on its way to ${a.to} (history shows when it is sent).`;

/** "If the provisioning contact has not received an email, please check the Spam filters or folder." */
const spamAdvice = (sender: string) =>
  `If it doesn't arrive, check the spam or junk folder, and ask your IT admin to allow the sender ${sender}.`;

export function presentResend(result: ResendDone): View {
  const sent = result.attempts.filter(goingOut);
  return {
    title: sent.length > 0 ? `Provisioning email resent for order ${result.orderNumber}` : `Provisioning email not resent`,
    tone: toneOf(result.attempts),
    paragraphs: [
      ...sent.map(resentLine),
      ...failedParagraphs(result.attempts),
      ...skippedParagraphs(result.skipped),
      ...(sent.length > 0 ? [spamAdvice(result.senderAddress)] : []),
    ],
  };
}

export function presentContactChange(result: ContactChangeDone): View {
  const attempts = result.changed.map((c) => c.email);
  return {
    title:
      result.changed.length > 0
        ? `Provisioning contact of order ${result.orderNumber} changed to ${result.newContact}`
        : `Nothing to change on order ${result.orderNumber}`,
    tone: toneOf(attempts),
    paragraphs: [
      ...result.changed.map((c) =>
        c.email === null
          ? `Line ${c.lineNumber}: was ${c.oldContact}; the provisioning email goes to the new contact on ${result.requestedStartDate}.`
          : c.email.status === 'Sent'
            ? `Line ${c.lineNumber}: was ${c.oldContact}; provisioning email sent to ${result.newContact}.`
            : c.email.status === 'Pending'
              ? `Line ${c.lineNumber}: was ${c.oldContact}; the provisioning email to ${result.newContact} is on its way (history shows when it is sent).`
              : `Line ${c.lineNumber}: was ${c.oldContact}; the contact is changed, but the email to ${result.newContact} could not be sent (${c.email.error}). Use resend to try again.`,
      ),
      ...skippedParagraphs(result.skipped),
      ...(attempts.some(goingOut) ? [spamAdvice(result.senderAddress)] : []),
    ],
  };
}

/**
 * All a requester without access is told: that they have no access and that the
 * placer was asked (or still is). Not who placed the order nor how they were reached,
 * and the same words whether or not the order exists.
 */
export function presentAccessRequested(result: AccessRequested): View {
  const waiting = result.state === 'waiting';
  return {
    title: waiting ? `Access already requested for order ${result.orderNumber}` : `Access requested for order ${result.orderNumber}`,
    tone: 'info',
    paragraphs: waiting
      ? [
          `You don't have access to this order. Your earlier request is still waiting for a decision, so I didn't send it again.`,
          `I'll do it and let you know as soon as it is decided.`,
        ]
      : [
          `You don't have access to this order, so I sent a request to the person who placed it.`,
          `If they approve, I'll do it and let you know.`,
        ],
  };
}
