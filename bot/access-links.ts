import type { Clock, Core, Logger } from '../core/index';
import { isCoreError } from '../core/index';
import { accessLinkRouter } from '../adapters/email/links/access-link.routes';
import type { LinkSigner } from '../adapters/email/links/link-signer';
import { userMessage } from '../adapters/presenters/user-messages';

const STATUS_FOR = { ALREADY_DECIDED: 409, NOT_AUTHORIZED: 403, REQUEST_NOT_FOUND: 404 } as Record<string, number>;

/** Email Approve / Decline links: the signed token names the approver; the core decides. */
export function accessLinks(o: { core: Core; signer: LinkSigner; log: Logger; clock: Clock }) {
  return accessLinkRouter({
    signer: o.signer,
    log: o.log,
    clock: o.clock,
    decide: async ({ approverEmail, requestId, decision }) => {
      try {
        const actor = await o.core.identifyEmailUser(approverEmail);
        const { request } = await o.core.decideAccessRequest({ actor, requestId, decision });
        return { kind: 'decided', status: request.status as 'Approved' | 'Declined' };
      } catch (err) {
        if (!isCoreError(err)) throw err;
        return { kind: 'error', message: userMessage(err), status: STATUS_FOR[err.code] ?? 400 };
      }
    },
  });
}
