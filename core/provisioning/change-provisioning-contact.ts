import type { AccessRequested } from '../access/request-access';
import { requestAccess } from '../access/request-access';
import { checkOrderAccess } from '../access/authorize-order-action';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { actorAsPerson, sameEmail } from '../directory/actor';
import { CoreError } from '../errors';
import { problem } from '../validation-problems';
import type { LineSelection, Order } from './provisioning';
import { utcDay } from './provisioning';
import { ZEmail } from './provisioning.schemas';
import type { SkippedLine } from './select-open-lines';
import { runnableOrNull, selectOpenLines } from './select-open-lines';
import type { EmailAttempt } from './queue-provisioning-email';
import { emailAttempts, queueProvisioningEmail } from './queue-provisioning-email';

export interface ChangeContactInput {
  actor: Actor;
  orderNumber: string;
  lines: LineSelection;
  email: string;
}

export interface ContactChanged {
  lineNumber: number;
  oldContact: string;
  /** The provisioning email to the new contact; null when the line's RSD is still ahead. */
  email: EmailAttempt | null;
}

export interface ContactChangeDone {
  kind: 'contact-changed';
  orderNumber: string;
  newContact: string;
  changed: ContactChanged[];
  skipped: SkippedLine[];
  requestedStartDate: string;
  senderAddress: string;
}

export type ChangeContactResult = ContactChangeDone | AccessRequested;

export function parseContactEmail(email: string): string {
  const parsed = ZEmail.safeParse(email);
  if (!parsed.success)
    throw new CoreError('VALIDATION_FAILED', { fields: [problem('email', `"${email.slice(0, 80)}" is not an email address`)] });
  return parsed.data;
}

/**
 * "You can change the provisioning contact until the Point of No Return (PONR)" and
 * "Optionally, you can select the Apply to all lines check box if you would like to
 * cascade the modification to all the lines" (ccw-change-provisioning-contact).
 */
export async function changeProvisioningContact(deps: CoreDeps, input: ChangeContactInput): Promise<ChangeContactResult> {
  const email = parseContactEmail(input.email);
  const access = await checkOrderAccess(deps, input.actor, input.orderNumber);
  if (!access.allowed) {
    // As resendProvisioningEmail: permission first, and a request that could not run is not sent.
    const order = access.order && runnableOrNull(deps, access.order, input.lines);
    return requestAccess(deps, {
      actor: input.actor,
      orderNumber: input.orderNumber,
      order,
      action: { kind: 'contact', lines: input.lines, email },
    });
  }
  return performContactChange(deps, input.actor, access.order, input.lines, email);
}

export async function performContactChange(
  deps: CoreDeps,
  actor: Actor,
  order: Order,
  selection: LineSelection,
  email: string,
): Promise<ContactChangeDone> {
  const { open, skipped } = selectOpenLines(deps, order, selection);
  const toChange = open.filter((l) => !sameEmail(l.provisioningContactEmail, email));
  const unchanged: SkippedLine[] = open
    .filter((l) => sameEmail(l.provisioningContactEmail, email))
    .map((l) => ({ lineNumber: l.lineNumber, reason: 'already-contact' }));

  // All named lines change together or not at all.
  await deps.orders.updateLines(
    order.number,
    toChange.map((l) => ({ lineNumber: l.lineNumber, patch: { provisioningContactEmail: email } })),
  );

  // "A contact change sends the provisioning email to the new contact" once it is due;
  // before the RSD the scheduled initial email simply goes to the new contact.
  const due = order.requestedStartDate <= utcDay(deps.clock.now());
  const queued = [];
  for (const line of toChange) {
    const oldContact = line.provisioningContactEmail;
    if (due) queued.push(await queueProvisioningEmail(deps, { order, line, to: email, kind: 'contact-change', actor, oldContact }));
    else await recordScheduledChange(deps, actor, order, line.lineNumber, oldContact, email);
  }
  const attempts = await emailAttempts(deps, queued);
  const changed: ContactChanged[] = toChange.map((line) => ({
    lineNumber: line.lineNumber,
    oldContact: line.provisioningContactEmail,
    email: attempts.find((a) => a.lineNumber === line.lineNumber) ?? null,
  }));
  return {
    kind: 'contact-changed',
    orderNumber: order.number,
    newContact: email,
    changed,
    skipped: [...skipped, ...unchanged],
    requestedStartDate: order.requestedStartDate,
    senderAddress: deps.email.senderAddress,
  };
}

/**
 * A change before the RSD sends nothing yet: it stays Pending in the history until the
 * scheduled initial email reaches the new contact (see send-due-provisioning-emails).
 */
async function recordScheduledChange(
  deps: CoreDeps,
  actor: Actor,
  order: Order,
  lineNumber: number,
  oldContact: string,
  newContact: string,
) {
  await deps.transactions.record({
    orderNumber: order.number,
    lineNumber,
    kind: 'contact-change',
    actor: actorAsPerson(actor),
    channel: actor.channel,
    oldContact,
    newContact,
    createdAt: deps.clock.now(),
  });
}
