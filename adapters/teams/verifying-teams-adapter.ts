import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConfigurationBotFrameworkAuthentication, InvokeResponse, TurnContext } from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from '../../core/index';
import { errorSummary, newRef } from './teams-errors';

type Verified = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Logic = (context: TurnContext) => Promise<void>;

/**
 * teams-ai's adapter with the token checked before the turn, apart from it.
 * CloudAdapter.process answers a well-formed token it cannot verify (signed with
 * another key, or its signing keys out of reach) with 500 and the library's own error
 * text, and prints the raw error with console.error, past the logger's redaction
 * (PLATFORM-NOTES: "A token signed with the wrong key yields 500, not 401").
 */
export class VerifyingTeamsAdapter extends TeamsAdapter {
  verify(activity: Activity, authHeader: string): Promise<Verified> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  run(verified: Verified, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(verified, activity, logic);
  }
}

/**
 * POST /api/messages after the envelope check: 401 with no detail for any token that
 * does not verify, the turn otherwise (its invoke response, or 200). Failures go to
 * the logger only; the caller learns nothing of the library's internals.
 */
export async function serveActivity(adapter: VerifyingTeamsAdapter, req: Request, res: Response, logic: Logic, log: Logger): Promise<void> {
  const activity = withDates(req.body as Activity);
  let verified: Verified;
  try {
    verified = await adapter.verify(activity, req.get('authorization') ?? '');
  } catch (err) {
    log.warn({ ...errorSummary(err), serviceUrl: activity.serviceUrl }, 'Teams activity refused: its token did not verify');
    return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'A valid Bot Framework token is required.' });
  }
  try {
    const invoke = await adapter.run(verified, activity, logic);
    res.status(invoke?.status ?? 200);
    if (invoke?.body !== undefined) res.send(invoke.body);
    res.end();
  } catch (err) {
    const ref = newRef();
    log.error({ ref, ...errorSummary(err) }, 'Teams request failed');
    if (!res.headersSent) res.status(500).json({ error: `Something went wrong (ref ${ref}).` });
  }
}

/** As botbuilder's validateAndFixActivity (not exported): the wire's date strings become Dates. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') Object.assign(raw, { [rawField]: value, [field]: new Date(value) });
  }
  return activity;
}
