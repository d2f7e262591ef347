import { randomUUID } from 'node:crypto';
import express from 'express';
import type { ErrorRequestHandler, Request, Response, Router } from 'express';
import type { ActivityActed, ActivityView, Clock, CoreErrorCode, Logger } from '../../../core/index';
import { isCoreError } from '../../../core/index';
import { userMessage } from '../../presenters/user-messages';
import { isActivityClosed } from '../templates/describe-work-order';
import { errorPage, invalidLinkPage } from './access-link.pages';
import {
  actedPage,
  confirmActivityPage,
  decidedActivityPage,
  expiredActivityPage,
  notAllowedActivityPage,
  refusedActivityPage,
  staleActivityPage,
} from './activity-link.pages';
import type { Page } from './link-page';
import { isConfirmed, sendPage as send } from './link-page';
import type { ActivityLinkPayload, LinkSigner } from './link-signer';
import { isLinkError } from './link-signer';
import { REASON_FIELD } from './activity-link.pages';

export interface ActivityLinkRouterOptions {
  signer: LinkSigner;
  /** The activity as the link's recipient sees it now (core.getActivityView as them). Throws CoreError. */
  look: (link: ActivityLinkPayload) => Promise<ActivityView & { actingAs: string }>;
  /** Decides as the link's recipient, expecting the link's order version (core.actOnActivity). Throws CoreError. */
  /** `reason`: what a rejecter typed on the page, if anything; the core checks it. */
  decide: (link: ActivityLinkPayload, reason?: string) => Promise<ActivityActed>;
  clock: Clock;
  log: Logger;
}

const STATUS: Partial<Record<CoreErrorCode, number>> = {
  NOT_AUTHORIZED: 403,
  ACTIVITY_NOT_FOUND: 404,
  WORK_ORDER_NOT_FOUND: 404,
  ALREADY_DECIDED: 409,
  STALE: 409,
  INVALID_STATE: 409,
  CONFLICT: 409,
};

/**
 * GET /links/activity/:token shows the order and a confirm button; POST decides. Only
 * the POST acts, because scanners and previews fetch every link in an email. A link
 * works once: after the activity is decided, or when the order has changed since the
 * email was built, both GET and POST show that instead and change nothing. The token
 * is the credential, so it is never logged. Mount at the app root.
 */
export function activityLinkRouter(options: ActivityLinkRouterOptions): Router {
  const { signer, look, decide, clock, log } = options;
  const router = express.Router();

  const verified = (req: Request, res: Response): ActivityLinkPayload | null => {
    const result = signer.verifyActivity(String(req.params.token ?? ''), clock.now());
    if (!isLinkError(result)) return result;
    log.warn({ reason: result.error, method: req.method }, 'activity link refused');
    send(res, result.error === 'expired' ? expiredActivityPage() : invalidLinkPage());
    return null;
  };

  /** Why this link cannot decide now, as a page; null when it can. */
  const blocked = (link: ActivityLinkPayload, view: ActivityView, status: number): Page | null => {
    if (isActivityClosed(view.activity)) return decidedActivityPage(status, view);
    if (view.order.version !== link.orderVersion) return staleActivityPage(status, view);
    if (!view.allowed.includes(link.decision)) return notAllowedActivityPage(403, link, view);
    return null;
  };

  const fields = (link: ActivityLinkPayload) => ({ activityId: link.activityId, orderNumber: link.orderNumber, decision: link.decision });

  const show = async (link: ActivityLinkPayload, res: Response) => {
    const view = await look(link);
    send(res, blocked(link, view, 200) ?? confirmActivityPage(link, view, view.actingAs));
  };

  router.get('/links/activity/:token', async (req, res) => {
    const link = verified(req, res);
    if (!link) return;
    try {
      await show(link, res);
    } catch (err) {
      send(res, failurePage(err, fields(link)));
    }
  });

  // Small limit: the confirm marker and a reason of 1,000 characters (up to 12 bytes each once encoded).
  router.post('/links/activity/:token', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    const link = verified(req, res);
    if (!link) return;
    try {
      if (!isConfirmed(req.body as unknown)) return await show(link, res);
      const refusal = blocked(link, await look(link), 409);
      if (refusal) {
        log.info({ ...fields(link), outcome: 'refused', status: refusal.status }, 'activity link answered');
        return send(res, refusal);
      }
      const acted = await decide(link, reasonOf(req.body as unknown));
      log.info({ ...fields(link), outcome: 'decided', state: acted.order.state }, 'activity link answered');
      send(res, actedPage(link, acted));
    } catch (err) {
      // Another channel may have decided between the look and the decision: say what happened.
      const raced = isCoreError(err) && (err.code === 'STALE' || err.code === 'ALREADY_DECIDED' || err.code === 'INVALID_STATE');
      const now = raced ? await look(link).catch(() => null) : null;
      send(res, (now && blocked(link, now, 409)) ?? failurePage(err, fields(link)));
    }
  });

  const failurePage = (err: unknown, logFields: Record<string, unknown>): Page => {
    if (isCoreError(err)) {
      const status = STATUS[err.code] ?? 400;
      log.info({ ...logFields, outcome: 'refused', code: err.code }, 'activity link answered');
      return refusedActivityPage(status, userMessage(err));
    }
    const ref = randomUUID().slice(0, 8);
    log.error({ ...logFields, ref, err: String(err) }, 'activity decision by email link failed');
    return errorPage(500, ref);
  };

  // Body parser failures (too large, bad encoding) get a page, not express's stack-trace default.
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    log.warn({ status, reason: String(err?.message ?? err) }, 'activity link request failed');
    send(res, errorPage(status));
  };
  router.use('/links/activity', onError);
  return router;
}

/** The reason typed on a Reject order page; anything but text (a repeated field) counts as none. */
function reasonOf(body: unknown): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[REASON_FIELD] : undefined;
  return typeof value === 'string' ? value : undefined;
}
