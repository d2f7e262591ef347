import type { ErrorRequestHandler, Response } from 'express';
import type { CoreError, CoreErrorCode, Logger } from '../../core/index';
import { isCoreError } from '../../core/index';
import { problemText } from '../presenters/field-problems';
import { userMessage } from '../presenters/user-messages';

const STATUS: Record<CoreErrorCode, number> = {
  ORDER_NOT_FOUND: 404,
  LINE_NOT_FOUND: 404,
  REQUEST_NOT_FOUND: 404,
  DELIVERY_NOT_FOUND: 404,
  PAST_PONR: 409,
  INVALID_STATE: 409,
  CONFLICT: 409,
  ALREADY_DECIDED: 409,
  NOT_AUTHORIZED: 403,
  // Not done: the domain's administrators were asked to approve it.
  ADMIN_APPROVAL_REQUESTED: 403,
  RATE_LIMITED: 429,
  VALIDATION_FAILED: 400,
  DELIVERY_FAILED: 502,
  WORK_ORDER_NOT_FOUND: 404,
  ACTIVITY_NOT_FOUND: 404,
  SUBSCRIBER_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  DEPENDENCY_MISSING: 422,
  STALE: 409,
  DOMAIN_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  PROVISIONING_UNAVAILABLE: 503,
  // The bot is not set up to send cases: nothing the caller can fix in the request.
  SUPPORT_NOT_CONFIGURED: 503,
};

export function sendCoreError(res: Response, err: unknown, log: Logger): void {
  if (isCoreError(err)) {
    if (err.is('VALIDATION_FAILED')) return void res.status(400).json(validationBody(err));
    res.status(STATUS[err.code]).json({ error: userMessage(err), code: err.code, details: err.details });
    return;
  }
  const ref = globalThis.crypto.randomUUID().slice(0, 8);
  log.error({ ref, err }, 'API request failed');
  res.status(500).json({ error: `Something went wrong (ref ${ref}).` });
}

/**
 * 400 `{ error, code, details, fields: [{ field, message }] }`: `field` is the input's
 * name as the API takes it, so a client can put the message beside its own input;
 * `details.issues` keeps the lines ("MAC address: ...") earlier clients read.
 */
function validationBody(err: CoreError<'VALIDATION_FAILED'>) {
  const { fields } = err.details;
  return { error: userMessage(err), code: err.code, details: { issues: fields.map(problemText), fields }, fields };
}

/** Body-parser failures (bad JSON, too large) answer in the API's own shape. */
export const apiBodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const status = typeof err?.status === 'number' ? err.status : 0;
  if (status === 413) return void res.status(413).json({ error: 'Request body too large.' });
  if (status === 400 && err.type === 'entity.parse.failed') return void res.status(400).json({ error: 'Request body is not valid JSON.' });
  next(err);
};
