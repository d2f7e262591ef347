import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError, isCoreError } from '../errors';
import { performContactChange } from '../provisioning/change-provisioning-contact';
import { performResend } from '../provisioning/resend-provisioning-email';
import { performOpenCase } from '../provisioning/open-support-case';
import { getOrder } from '../provisioning/select-open-lines';
import type { AccessRequest, ActionOutcome } from './access-request';
import { decisionDeliveries } from './plan-access-notices';
import type { OutboxWrites } from '../notifications/delivery';
import { noWrites } from '../notifications/delivery';
import { mayDecideAccessRequest } from './authorize-order-action';
import { isDomainAction, performDomainAction } from './domain-action';

export type Decision = 'approve' | 'decline';

export interface DecideInput {
  actor: Actor;
  requestId: string;
  decision: Decision;
}

export interface AccessDecided {
  request: AccessRequest;
  outcome: ActionOutcome | null;
}

/**
 * The placer (or, for a domain request, any Administrator of the domain) approves or
 * declines a request, from whichever channel reached them
 * first. The first decision wins; on approval the requested action runs for the
 * requester. The in-place updates of every posted copy and the requester's notice are
 * written to the outbox with the decision (a decline) or its outcome (an approval).
 */
export async function decideAccessRequest(deps: CoreDeps, input: DecideInput): Promise<AccessDecided> {
  const request = await getRequest(deps, input.requestId);
  if (!mayDecideAccessRequest(input.actor, request.approver?.email ?? null, request.domain)) {
    throw new CoreError('NOT_AUTHORIZED', {
      action: 'decide this access request',
      reason: request.approver
        ? `it was sent to ${request.approver.name}, who placed order ${request.orderNumber}`
        : `it was sent to the administrators of ${request.domain}`,
    });
  }
  if (request.status !== 'Pending') throw alreadyDecided(request);

  const decidedBy = { name: input.actor.name, email: input.actor.email, channel: input.actor.channel };
  const status = input.decision === 'approve' ? 'Approved' : 'Declined';
  const decidedAt = deps.clock.now();
  // A decline is complete at once: its notices go with it. An approval's wait for the
  // outcome of the action it runs, so that they can tell it.
  const notices = status === 'Declined' ? await noticesOf(deps, request) : noWrites();
  const won = await deps.accessRequests.decide(request.id, status, decidedBy, decidedAt, notices);
  if (!won) throw alreadyDecided(await getRequest(deps, request.id));

  let outcome: ActionOutcome | null = null;
  if (status === 'Approved') {
    outcome = await runApprovedAction(deps, request);
    await deps.accessRequests.setOutcome(request.id, outcome, await noticesOf(deps, request));
  }
  await deps.deliveries.deliveriesWritten();
  return { request: await getRequest(deps, request.id), outcome };
}

/** Every posted copy known now; a copy posted after this is brought up to date by the dispatcher. */
async function noticesOf(deps: CoreDeps, request: AccessRequest): Promise<OutboxWrites> {
  const copies = await deps.accessRequests.listPostedMessages(request.id);
  return { ...noWrites(), deliveries: decisionDeliveries(deps, request, copies) };
}

async function getRequest(deps: CoreDeps, id: string): Promise<AccessRequest> {
  const request = await deps.accessRequests.findById(id);
  if (!request) throw new CoreError('REQUEST_NOT_FOUND', { requestId: id });
  return request;
}

function alreadyDecided(request: AccessRequest): CoreError<'ALREADY_DECIDED'> {
  return new CoreError('ALREADY_DECIDED', {
    decision: request.status,
    decidedBy: request.decidedBy?.name ?? 'someone',
    decidedAt: request.decidedAt ?? new Date(0),
  });
}

/** Runs the action as the requester did ask for it; the history shows them, not the placer. */
async function runApprovedAction(deps: CoreDeps, request: AccessRequest): Promise<ActionOutcome> {
  const actor: Actor = {
    channel: request.requester.channel,
    name: request.requester.name,
    email: request.requester.email,
    platformUserId: request.requester.platformUserId,
    user: null,
  };
  try {
    const { action } = request;
    if (isDomainAction(action)) return { ok: true, result: await performDomainAction(deps, actor, action) };
    // The order is read again: its lines may have passed the PONR since the request.
    const order = await getOrder(deps, request.orderNumber ?? '');
    const result =
      action.kind === 'resend'
        ? await performResend(deps, actor, order, action.lines)
        : action.kind === 'contact'
          ? await performContactChange(deps, actor, order, action.lines, action.email)
          : await performOpenCase(deps, actor, order, action);
    return { ok: true, result };
  } catch (err) {
    if (isCoreError(err)) return { ok: false, code: err.code, details: err.details };
    const ref = globalThis.crypto.randomUUID().slice(0, 8);
    deps.log.error({ ref, requestId: request.id, err: String(err) }, 'approved action failed');
    return { ok: false, code: 'UNEXPECTED', ref };
  }
}
