import type { CoreDeps } from '../core-deps';
import { SYSTEM_ACTOR } from '../directory/actor';
import { addDays, policyWindowDays, utcDay } from './provisioning';
import type { ProvisioningTransaction } from './provisioning-transaction';
import type { EmailAttempt } from './queue-provisioning-email';
import { emailAttempts, queueProvisioningEmail } from './queue-provisioning-email';

const BATCH = 200;

/**
 * "The initial Provisioning email is sent to the appropriate provisioning contact
 * listed in the order on the Requested Start Date (RSD)." Runs at intake, on every
 * scheduler tick and at start-up, so anything missed while the bot was down goes out.
 * Each line is claimed before its email is queued, so two bot processes never both send;
 * the outbox sends it with retries.
 */
export async function sendDueProvisioningEmails(deps: CoreDeps, input: { orderNumber?: string } = {}): Promise<EmailAttempt[]> {
  const queued: ProvisioningTransaction[] = [];
  const today = utcDay(deps.clock.now());
  for (;;) {
    const due = await deps.orders.findLinesDueForInitialEmail(today, BATCH);
    const mine = input.orderNumber ? due.filter((d) => d.orderNumber === input.orderNumber) : due;
    let progressed = false;
    for (const { orderNumber, lineNumber } of mine) {
      const tx = await queueInitialEmail(deps, orderNumber, lineNumber);
      if (tx) queued.push(tx);
      progressed = progressed || tx !== null;
    }
    // Lines another process claimed first stay in the due list until it is done: stop rather than spin on them.
    if (due.length < BATCH || !progressed) return emailAttempts(deps, queued);
  }
}

/**
 * The line is claimed (so two bot processes never both queue it) and its email queued.
 * If the outbox gives up on it, the claim is released for a later tick
 * (provisioning-email-settled.ts).
 */
async function queueInitialEmail(deps: CoreDeps, orderNumber: string, lineNumber: number): Promise<ProvisioningTransaction | null> {
  const order = await deps.orders.findByNumber(orderNumber);
  const line = order?.lines.find((l) => l.lineNumber === lineNumber);
  if (!order || !line) return null;
  const now = deps.clock.now();
  const claimed = await deps.orders.claimInitialEmail(orderNumber, lineNumber, now, addDays(now, policyWindowDays(order.offer)));
  if (!claimed) return null;
  return queueProvisioningEmail(deps, {
    order,
    line,
    to: line.provisioningContactEmail,
    kind: 'initial-email',
    actor: SYSTEM_ACTOR,
    oldContact: null,
  });
}
