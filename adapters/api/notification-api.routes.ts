import express from 'express';
import { z } from 'zod';
import type { Core, Logger, SmtpEdits } from '../../core/index';
import { CoreError, problem, problemsFromZod } from '../../core/index';
import { describeDeadDelivery } from '../presenters/describe-dead-delivery';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors } from './api-errors';
import { bearerAuth } from './bearer-auth';
import { jsonHandler } from './json-handler';

/**
 * Notification settings over REST, as `notify` does in chat: GET answers the settings
 * (a password as `passwordSet`, never its value), PUT takes the whole document back
 * (a password left out keeps the stored one; null clears it) and saves it only if all
 * of it is valid, else 400 naming each field. The core validates; this maps HTTP.
 */
export function notificationApiRouter(core: Core, o: { apiToken: string | undefined; log: Logger }): express.Router {
  const router = express.Router();
  router.use('/api/notifications', bearerAuth(o.apiToken), express.json({ limit: '64kb' }), apiBodyErrors);
  const handle = jsonHandler(o.log);
  const actor = API_ACTOR;
  const ok = (body: unknown) => ({ status: 200, body });

  router.get(
    '/api/notifications/system',
    handle(async () => ok(await core.getNotificationSettings({ actor, scope: { kind: 'system' } }))),
  );
  router.put(
    '/api/notifications/system',
    handle(async (req) => ok(await core.setSystemNotifications({ actor, change: { kind: 'document', document: objectBody(req) } }))),
  );

  router.get(
    '/api/notifications/template',
    handle(async () => ok(await core.getNotificationSettings({ actor, scope: { kind: 'template' } }))),
  );
  // "Apply to domain template only" unless the body says `"applyTo": "all"`.
  router.put(
    '/api/notifications/template',
    handle(async (req) => ok(await core.setNotificationTemplate({ actor, change: { kind: 'document', document: objectBody(req) } }))),
  );

  router.get(
    '/api/notifications/domains/:domain',
    handle(async (req) => ok(await core.getNotificationSettings({ actor, scope: { kind: 'domain', domain: String(req.params.domain) } }))),
  );
  router.put(
    '/api/notifications/domains/:domain',
    handle(async (req) =>
      ok(
        await core.setDomainNotifications({
          actor,
          domain: String(req.params.domain),
          change: { kind: 'document', document: objectBody(req) },
        }),
      ),
    ),
  );

  // The outbox: what waits and what was dead-lettered (each in words, the last tried
  // first, `?limit=` of them); dead ones tried again, all or one, once the cause is fixed.
  router.get(
    '/api/notifications/deliveries',
    handle(async (req) => {
      const { deadDeliveries, ...review } = await core.getDeliverySummary({ actor, limit: limitParam(req.query.limit) });
      return ok({ ...review, deadDeliveries: deadDeliveries.map(describeDeadDelivery) });
    }),
  );
  router.post(
    '/api/notifications/deliveries/retry-dead',
    handle(async () => ok(await core.retryDeadDeliveries({ actor }))),
  );
  router.post(
    '/api/notifications/deliveries/:id/retry',
    handle(async (req) => ok(await core.retryDeadDelivery({ actor, id: String(req.params.id) }))),
  );

  // "Send test email": 200 with ok false and the server's words when the test itself fails.
  router.post(
    '/api/notifications/test',
    handle(async (req) => {
      const { to, scope, smtp } = parseTestBody(objectBody(req));
      // The template's mail server is the system's ("Test Settings" on the template page tests it).
      const where = ['system', 'template'].includes(scope.toLowerCase())
        ? ({ kind: 'system' } as const)
        : ({ kind: 'domain', domain: scope } as const);
      return ok(await core.testNotificationSettings({ actor, to, scope: where, ...(smtp ? { smtp } : {}) }));
    }),
  );
  return router;
}

/**
 * The test request's shape. The SMTP values go to the core as entered: it lays them
 * over the saved ones and validates the result as it validates a saved document.
 */
const ZTestBody = z
  .object({
    to: z.string({ required_error: 'is required', invalid_type_error: 'must be an email address' }),
    scope: z.string({ invalid_type_error: 'must be "system" or a domain' }).default('system'),
    smtp: z.record(z.unknown(), { invalid_type_error: 'must be an object of SMTP settings' }).optional(),
  })
  .strict();

function parseTestBody(body: Record<string, unknown>): { to: string; scope: string; smtp: SmtpEdits | undefined } {
  const parsed = ZTestBody.safeParse(body);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', { fields: problemsFromZod(parsed.error) });
  return { to: parsed.data.to, scope: parsed.data.scope, smtp: parsed.data.smtp as SmtpEdits | undefined };
}

/** `?limit=`: absent means the core's default; anything but one whole number is refused by the core. */
function limitParam(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
}

function objectBody(req: express.Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new CoreError('VALIDATION_FAILED', { fields: [problem('request', 'The request body must be a JSON object.')] });
  return body as Record<string, unknown>;
}
