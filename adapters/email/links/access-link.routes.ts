import { randomUUID } from 'node:crypto';
import express from 'express';
import type { ErrorRequestHandler, Request, Response, Router } from 'express';
import type { Clock, Logger } from '../../../core/index';
import { confirmPage, decidedPage, errorPage, expiredPage, invalidLinkPage, refusedPage } from './access-link.pages';
import type { AccessLinkPayload, LinkDecision, LinkSigner } from './link-signer';
import { isLinkError } from './link-signer';
import { isConfirmed, sendPage as send } from './link-page';

export interface DecideByLinkInput {
  approverEmail: string;
  /** From the signed link, for the history's "decided by"; absent on links without it. */
  approverName?: string;
  requestId: string;
  decision: LinkDecision;
}

export type DecideByLinkResult =
  | { kind: 'decided'; status: 'Approved' | 'Declined'; message?: string }
  | { kind: 'error'; message: string; status: number };

export interface AccessLinkRouterOptions {
  signer: LinkSigner;
  /** Supplied by the composition root: runs core.decideAccessRequest as an email Actor and maps CoreErrors to words. */
  decide: (input: DecideByLinkInput) => Promise<DecideByLinkResult>;
  clock: Clock;
  log: Logger;
}

/**
 * GET /links/access/:token shows a confirmation page; POST decides. Only the POST acts,
 * because scanners and previews fetch every link in an email. The signed token is the
 * credential, so it is never logged. Mount at the app root: app.use(accessLinkRouter(…)).
 */
export function accessLinkRouter(options: AccessLinkRouterOptions): Router {
  const { signer, decide, clock, log } = options;
  const router = express.Router();

  const verified = (req: Request, res: Response): AccessLinkPayload | null => {
    const result = signer.verify(String(req.params.token ?? ''), clock.now());
    if (!isLinkError(result)) return result;
    log.warn({ reason: result.error, method: req.method }, 'access link refused');
    send(res, result.error === 'expired' ? expiredPage() : invalidLinkPage());
    return null;
  };

  router.get('/links/access/:token', (req, res) => {
    const link = verified(req, res);
    if (link) send(res, confirmPage(link));
  });

  // Small limit: the only field is the confirm marker.
  router.post('/links/access/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const link = verified(req, res);
    if (!link) return;
    // A POST without the form's marker (a bare POST from some link checker) only gets the question.
    const body: unknown = req.body;
    if (!isConfirmed(body)) return send(res, confirmPage(link));
    const fields = { requestId: link.requestId, decision: link.decision };
    try {
      const result = await decide({
        approverEmail: link.approverEmail,
        approverName: link.approverName,
        requestId: link.requestId,
        decision: link.decision,
      });
      log.info({ ...fields, outcome: result.kind, status: result.status }, 'access link answered');
      send(res, result.kind === 'decided' ? decidedPage(result.status, link, result.message) : refusedPage(result.status, result.message));
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      log.error({ ...fields, ref, err: String(err) }, 'access decision by email link failed');
      send(res, errorPage(500, ref));
    }
  });

  // Body parser failures (too large, bad encoding) get a page, not express's stack-trace default.
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    log.warn({ status, reason: String(err?.message ?? err) }, 'access link request failed');
    send(res, errorPage(status));
  };
  router.use('/links/access', onError);
  return router;
}
