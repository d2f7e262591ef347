import express from 'express';
import { z } from 'zod';
import type { Core, Logger } from '../../core/index';
import { CoreError, problemsFromZod } from '../../core/index';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors } from './api-errors';
import { jsonHandler } from './json-handler';
import { bearerAuth } from './bearer-auth';

/**
 * The order intake API for systems that place orders, and the directory API.
 * Validation and rules live in the core; this maps HTTP to calls and back.
 */
export function orderApiRouter(core: Core, o: { apiToken: string | undefined; log: Logger }): express.Router {
  const router = express.Router();
  router.use('/api/orders', bearerAuth(o.apiToken), express.json({ limit: '256kb' }), apiBodyErrors);
  router.use('/api/users', bearerAuth(o.apiToken), express.json({ limit: '64kb' }), apiBodyErrors);

  const handle = jsonHandler(o.log);

  router.post(
    '/api/orders',
    handle(async (req) => ({ status: 201, body: await core.intakeOrder(req.body) })),
  );
  router.get(
    '/api/orders/:number',
    handle(async (req) => ({ status: 200, body: await core.getOrder(String(req.params.number)) })),
  );
  router.post(
    '/api/orders/:number/onboarded',
    handle(async (req) => ({ status: 200, body: await core.markOrganizationOnboarded(String(req.params.number), req.body) })),
  );
  router.post(
    '/api/orders/:number/provisioned',
    handle(async (req) => ({ status: 200, body: await core.markLinesProvisioned(String(req.params.number), req.body) })),
  );
  router.post(
    '/api/orders/:number/cases',
    handle(async (req) => {
      const body = caseBody(req.body);
      const input = { actor: API_ACTOR, orderNumber: String(req.params.number), ...body };
      return { status: 201, body: await core.openSupportCase(input) };
    }),
  );
  router.post(
    '/api/users',
    handle(async (req) => ({ status: 200, body: await core.registerUser(req.body) })),
  );
  return router;
}

/** The shape only; the core checks the values (description length and characters, lines the order has). */
const ZCaseBody = z
  .object({
    lines: z.array(z.number().int()).min(1).optional(),
    description: z.string(),
    requestType: z.enum(['resend', 'contact']).optional(),
  })
  .strict();

function caseBody(body: unknown) {
  const parsed = ZCaseBody.safeParse(body);
  if (!parsed.success) {
    throw new CoreError('VALIDATION_FAILED', { fields: problemsFromZod(parsed.error) });
  }
  const { lines, description, requestType } = parsed.data;
  return { lines: lines ?? ('all' as const), description, requestType: requestType ?? null };
}
