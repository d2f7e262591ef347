import express from 'express';
import type { Logger } from '../core/index';
import type { InFlightRequests } from './in-flight-requests';
import type { Readiness } from './readiness';

export interface HttpParts {
  log: Logger;
  /** Bolt's ExpressReceiver router: must see the raw body, so it goes before any parser. */
  slack: { router: express.Router | null; guard?: express.RequestHandler } | null;
  teams: { handle(req: express.Request, res: express.Response): Promise<void> } | null;
  /** Email links and the REST APIs, each with its own body parsing and auth, mounted after the chat endpoints. */
  routers: express.Router[];
  health: () => Promise<Record<string, unknown>>;
  /** Draining (a stop under way): /readyz answers 503 and new requests are refused. */
  readiness: Readiness;
  /** Ready only when the database answers and is migrated; a load balancer sends traffic only then. */
  databaseReadiness: () => Promise<{ ready: true } | { ready: false; reason: string }>;
  requests: InFlightRequests;
  /** First of all: the correlation id (and the ack timing) of each request. */
  correlation: express.RequestHandler;
}

/** One server for Slack, Teams, email links, the order APIs and health. */
export function buildHttpApp(p: HttpParts): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(p.correlation);

  // Before the request counter, and answered while draining: a load balancer polls it to stop sending traffic here.
  app.get('/readyz', async (_req, res) => {
    if (p.readiness.draining) return void res.status(503).json({ status: 'draining' });
    const database = await p.databaseReadiness();
    if (database.ready) return void res.json({ status: 'ready' });
    p.log.warn({ reason: database.reason }, 'not ready');
    res.status(503).json({ status: 'not ready', reason: database.reason });
  });
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', ...(await p.health()) });
    } catch (err) {
      p.log.error({ err }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(p.requests.middleware);

  if (p.slack?.router) {
    if (p.slack.guard) app.use('/slack/events', p.slack.guard);
    app.use(p.slack.router);
  } else {
    app.post(
      '/slack/events',
      (_req, res) => void res.status(404).json({ error: 'Slack is not enabled on this bot (see the start-up log).' }),
    );
  }

  if (p.teams) {
    const teams = p.teams;
    app.post('/api/messages', express.json({ limit: '256kb' }), (req, res, next) => {
      teams.handle(req, res).catch(next);
    });
  } else {
    app.post(
      '/api/messages',
      (_req, res) => void res.status(404).json({ error: 'Teams is not enabled on this bot (see the start-up log).' }),
    );
  }

  for (const router of p.routers) app.use(router);

  app.use((_req, res) => void res.status(404).json({ error: 'Not found.' }));
  app.use(finalErrorHandler(p.log));
  return app;
}

function finalErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 413) return void res.status(413).json({ error: 'Request body too large.' });
    if (status === 400 && err.type === 'entity.parse.failed')
      return void res.status(400).json({ error: 'Request body is not valid JSON.' });
    const ref = globalThis.crypto.randomUUID().slice(0, 8);
    log.error({ ref, err }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? `Something went wrong (ref ${ref}).` : 'Bad request.' });
  };
}
