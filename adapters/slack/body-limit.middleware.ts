import type { RequestHandler } from 'express';

/**
 * Slack's slash command and interaction payloads are a few kilobytes; a block_actions
 * payload carries the clicked message and a view_submission the whole modal, and ours
 * (an access request, an activity, the order form at about 6 KB) stay far below this. Anything larger is not from Slack and is refused before it is read, let
 * alone HMAC-checked. Bodies without a Content-Length (chunked) are capped at the
 * same size by the receiver's own `bodyLimit`, which also answers 413.
 */
export const SLACK_BODY_LIMIT_BYTES = 64 * 1024;

export function rejectOversizeSlackBody(limitBytes = SLACK_BODY_LIMIT_BYTES): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > limitBytes) {
      // Closing the connection spares reading the rest of an oversize body.
      res.status(413).set('Connection', 'close').end();
      return;
    }
    next();
  };
}
