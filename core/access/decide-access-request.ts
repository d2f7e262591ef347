import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError, isCoreError } from '../errors';
import { performContactChange } from '../provisioning/change-provisioning-contact';
import { performResend } from '../provisioning/resend-provisioning-email';
import { getOrder } from '../provisioning/select-open-lines';
import type { AccessRequest, ActionOutcome } from './access-request';
import { mayDecideAccessRequest } from './authorize-order-action';

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
 * The placer approves or declines a request, from whichever channel reached them
 * first. The first decision wins; every posted copy is then updated in place, and
 * the requester is told. On approval the requested action runs for the requester.
 */
export async function decideAccessRequest(deps: CoreDeps, input: DecideInput): Promise<AccessDecided> {
  const request = await getRequest(deps, input.requestId);
  if (!mayDecideAccessRequest(input.actor, request.approver.email, request.domain)) {
    throw new CoreError('NOT_AUTHORIZED', {
      action: 'decide this access request',
      reason: `it was sent to ${request.approver.name}, who placed order ${request.orderNumber}`,
    });
  }
  if (request.status !== 'Pending') throw alreadyDecided(request);

  const decidedBy = { name: input.actor.name, email: input.actor.email, channel: input.actor.channel };
  const won = await deps.accessRequests.decide(
    request.id,
    input.decision === 'approve' ? 'Approved' : 'Declined',
    decidedBy,
    deps.clock.now(),
  );
  if (!won) throw alreadyDecided(await getRequest(deps, request.id));

  const outcome = input.decision === 'approve' ? await runApprovedAction(deps, request) : null;
  if (outcome) await deps.accessRequests.setOutcome(request.id, outcome);
  const decided = await getRequest(deps, request.id);
  await updatePostedCopies(deps, decided);
  await tellRequester(deps, decided);
  return { request: decided, outcome };
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
    // The order is read again: its lines may have passed the PONR since the request.
    const order = await getOrder(deps, request.orderNumber);
    const { action } = request;
    const result =
      action.kind === 'resend'
        ? await performResend(deps, actor, order, action.lines)
        : await performContactChange(deps, actor, order, action.lines, action.email);
    return { ok: true, result };
  } catch (err) {
    if (isCoreError(err)) return { ok: false, code: err.code, details: err.details };
    const ref = globalThis.crypto.randomUUID().slice(0, 8);
    deps.log.error({ ref, requestId: request.id, err: String(err) }, 'approved action failed');
    return { ok: false, code: 'UNEXPECTED', ref };
  }
}

async function updatePostedCopies(deps: CoreDeps, request: AccessRequest): Promise<void> {
  const messages = await deps.accessRequests.listPostedMessages(request.id);
  for (const message of messages) {
    const notifier = deps.chat.find((n) => n.platform === message.platform);
    if (!notifier) continue;
    try {
      await notifier.updateAccessRequest({ request, message });
    } catch (err) {
      deps.log.warn({ requestId: request.id, platform: message.platform, reason: String(err) }, 'posted request not updated');
    }
  }
}

async function tellRequester(deps: CoreDeps, request: AccessRequest): Promise<void> {
  const notifier = deps.chat.find((n) => n.platform === request.requester.channel);
  let told = false;
  if (notifier && request.requester.platformUserId) {
    told = await notifier.notifyRequester({ request, requester: request.requester }).catch((err) => {
      deps.log.warn({ requestId: request.id, reason: String(err) }, 'requester not told in chat');
      return false;
    });
  }
  if (request.requester.email) {
    await deps.email.sendAccessDecision({ request, to: request.requester.email }).catch((err) => {
      deps.log.warn({ requestId: request.id, reason: String(err), toldInChat: told }, 'requester not told by email');
    });
  }
}
