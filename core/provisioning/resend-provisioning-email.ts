import type { AccessRequested } from '../access/request-access';
import { requestAccess } from '../access/request-access';
import { checkOrderAccess } from '../access/authorize-order-action';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import type { LineSelection, Order } from './provisioning';
import { utcDay } from './provisioning';
import type { EmailAttempt } from './queue-provisioning-email';
import { emailAttempts, queueProvisioningEmail } from './queue-provisioning-email';
import type { SkippedLine } from './select-open-lines';
import { runnableOrNull, selectOpenLines } from './select-open-lines';

export interface ResendInput {
  actor: Actor;
  orderNumber: string;
  lines: LineSelection;
}

export interface ResendDone {
  kind: 'resent';
  orderNumber: string;
  attempts: EmailAttempt[];
  skipped: SkippedLine[];
  /** "Make sure to have your IT Admin allow these email addresses ... Sender:" */
  senderAddress: string;
}

export type ResendResult = ResendDone | AccessRequested;

/**
 * "You can resend the provisioning email until the Point of No Return (PONR)",
 * "even beyond the RSD" and on closed lines whose provisioning is still pending
 * (ccw-resend-provisioning-email, ccw-change-provisioning-contact).
 */
export async function resendProvisioningEmail(deps: CoreDeps, input: ResendInput): Promise<ResendResult> {
  const access = await checkOrderAccess(deps, input.actor, input.orderNumber);
  if (!access.allowed) {
    // Permission first, then the lines: an outsider learns nothing about the order. A
    // request that could not run is not sent, so the placer never approves one in vain.
    const order = access.order && runnableOrNull(deps, access.order, input.lines);
    return requestAccess(deps, {
      actor: input.actor,
      orderNumber: input.orderNumber,
      order,
      action: { kind: 'resend', lines: input.lines },
    });
  }
  return performResend(deps, input.actor, access.order, input.lines);
}

/** The resend itself, once the actor is known to be allowed (or the placer approved). */
export async function performResend(deps: CoreDeps, actor: Actor, order: Order, selection: LineSelection): Promise<ResendDone> {
  const { open, skipped } = selectOpenLines(deps, order, selection);
  const notYetSent = open.filter((l) => l.provisioningEmailSentAt === null);
  // Before the RSD there is nothing to resend; after it, a line whose initial email
  // failed is exactly what a partner would resend, so it goes out now.
  if (notYetSent.length > 0 && order.requestedStartDate > utcDay(deps.clock.now())) {
    throw new CoreError('INVALID_STATE', {
      reason: `the initial provisioning email for line ${notYetSent.map((l) => l.lineNumber).join(', ')} goes out on the requested start date, ${order.requestedStartDate}; there is nothing to resend yet`,
    });
  }
  const queued = [];
  for (const line of open) {
    queued.push(
      await queueProvisioningEmail(deps, { order, line, to: line.provisioningContactEmail, kind: 'resend', actor, oldContact: null }),
    );
  }
  const attempts = await emailAttempts(deps, queued);
  return { kind: 'resent', orderNumber: order.number, attempts, skipped, senderAddress: deps.email.senderAddress };
}
