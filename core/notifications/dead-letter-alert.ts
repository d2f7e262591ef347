import type { CoreDeps } from '../core-deps';
import type { ClaimedDelivery, OutboxWrites, SystemNotice } from './delivery';
import { noWrites } from './delivery';
import { planSystemNotices } from './plan-system-notices';

/** Why a delivery was given up: refused for good, or still failing when its retry horizon ended. */
export type GiveUpReason = { kind: 'refused'; error: string } | { kind: 'horizon'; error: string; since: Date };

/**
 * The administrators' "undeliverable" alert for a dead-lettered delivery. It goes by
 * the other channel than the one that failed (a dead email is reported in chat, a dead
 * chat post by email: the failed one may be down for them too), and says what happened
 * without guessing: only a permanent refusal means the destination is gone.
 */
export async function planDeadLetterAlert(deps: CoreDeps, d: ClaimedDelivery, reason: GiveUpReason, now: Date): Promise<OutboxWrites> {
  // An alert about an alert that cannot be delivered would go round for ever.
  if (d.content.kind === 'system-alert' && d.content.eventType === 'delivery-failure') return noWrites();
  const notice: SystemNotice = {
    type: 'delivery-failure',
    occurredAt: now.toISOString(),
    domain: d.target.channel === 'email' ? d.target.domain : null,
    orderNumber: null,
    summary: summary(d, reason, now),
    failedVia: d.target.channel,
  };
  return planSystemNotices(deps, [notice], now);
}

function summary(d: ClaimedDelivery, reason: GiveUpReason, now: Date): string {
  const what = `A ${d.content.kind} notice to ${describeTarget(d)}`;
  if (reason.kind === 'refused') return `${what} was refused for good (the destination is gone or does not accept it): ${reason.error}`;
  const hours = Math.round(((now.getTime() - reason.since.getTime()) / 3_600_000) * 10) / 10;
  return `${what} could not be delivered: it kept failing for ${hours} h (${d.attempts} attempts); the last error: ${reason.error}`;
}

function describeTarget(d: ClaimedDelivery): string {
  if (d.target.channel === 'email') return d.target.address;
  const to = d.target.to;
  return `${d.target.platform} ${to.kind === 'user' ? to.email : to.label}`;
}
