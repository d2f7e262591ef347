import type { CoreDeps } from '../core-deps';
import { SYSTEM_ACTOR } from '../directory/actor';
import { addDays, policyWindowDays, utcDay } from './provisioning';
import type { EmailAttempt } from './send-provisioning-email';
import { sendProvisioningEmail } from './send-provisioning-email';

const BATCH = 200;

/**
 * "The initial Provisioning email is sent to the appropriate provisioning contact
 * listed in the order on the Requested Start Date (RSD)." Runs at intake, on every
 * scheduler tick and at start-up, so anything missed while the bot was down goes out.
 * Each line is claimed before its email is sent, so two bot processes never both send.
 */
export async function sendDueProvisioningEmails(
  deps: CoreDeps,
  input: { orderNumber?: string } = {},
): Promise<EmailAttempt[]> {
  const attempts: EmailAttempt[] = [];
  const today = utcDay(deps.clock.now());
  for (;;) {
    const due = await deps.orders.findLinesDueForInitialEmail(today, BATCH);
    const mine = input.orderNumber ? due.filter((d) => d.orderNumber === input.orderNumber) : due;
    let progressed = false;
    for (const { orderNumber, lineNumber } of mine) {
      const attempt = await sendInitialEmail(deps, orderNumber, lineNumber);
      if (attempt) attempts.push(attempt);
      progressed = progressed || attempt?.status === 'Sent';
    }
    // A failed send releases its claim for the next tick; stop rather than spin on it.
    if (due.length < BATCH || !progressed) return attempts;
  }
}

async function sendInitialEmail(deps: CoreDeps, orderNumber: string, lineNumber: number): Promise<EmailAttempt | null> {
  const order = await deps.orders.findByNumber(orderNumber);
  const line = order?.lines.find((l) => l.lineNumber === lineNumber);
  if (!order || !line) return null;
  const now = deps.clock.now();
  const claimed = await deps.orders.claimInitialEmail(orderNumber, lineNumber, now, addDays(now, policyWindowDays(order.offer)));
  if (!claimed) return null;
  const attempt = await sendProvisioningEmail(deps, {
    order,
    line,
    to: line.provisioningContactEmail,
    kind: 'initial-email',
    actor: SYSTEM_ACTOR,
    oldContact: null,
  });
  if (attempt.status === 'Failed') await deps.orders.releaseInitialEmail(orderNumber, lineNumber);
  // Contact changes made before the RSD were waiting for this email.
  await deps.transactions.completePendingForLine(
    orderNumber,
    lineNumber,
    attempt.status,
    deps.clock.now(),
    attempt.error ?? undefined,
  );
  return attempt;
}
