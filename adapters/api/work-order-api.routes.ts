import express from 'express';
import { z } from 'zod';
import type { Core, Logger } from '../../core/index';
import { CoreError, PRODUCT_TYPES, plainMessage, problem } from '../../core/index';
import type { EmbeddedBackend } from '../backend/embedded-backend';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors } from './api-errors';
import { jsonHandler } from './json-handler';
import { bearerAuth } from './bearer-auth';
import { parseSearchQuery } from './search-query';

const ZFailure = z.object({
  productType: z.enum(PRODUCT_TYPES),
  kind: z.enum(['recoverable', 'unrecoverable']),
  message: z.string().trim().min(1).max(300).default('injected failure'),
  times: z.number().int().min(1).max(1000).default(1),
});

/**
 * The work-order REST API: the same order operations as chat, for systems that
 * submit orders. Every call acts as API_ACTOR, origin 'api'.
 */
export function workOrderApiRouter(
  core: Core,
  o: { apiToken: string | undefined; log: Logger; backend: EmbeddedBackend | null },
): express.Router {
  const router = express.Router();
  for (const path of ['/api/work-orders', '/api/subscribers', '/api/products', '/api/domains', '/api/backend']) {
    router.use(path, bearerAuth(o.apiToken), express.json({ limit: '256kb' }), apiBodyErrors);
  }
  const handle = jsonHandler(o.log);
  const actor = API_ACTOR;
  const param = (req: express.Request, name: string) => String(req.params[name]);

  router.post(
    '/api/subscribers',
    handle(async (req) => ({ status: 201, body: await core.registerSubscriber({ actor, subscriber: req.body }) })),
  );
  router.get(
    '/api/subscribers/:login',
    handle(async (req) => ({ status: 200, body: await core.getSubscriberRecord({ actor, login: param(req, 'login') }) })),
  );

  router.post(
    '/api/work-orders',
    handle(async (req) => ({
      status: 201,
      body: await core.placeWorkOrder({ ...objectBody(req), actor, origin: 'api' } as Parameters<Core['placeWorkOrder']>[0]),
    })),
  );
  router.get(
    '/api/work-orders',
    handle(async (req) => {
      const { criteria, limit } = parseSearchQuery(req.query);
      return { status: 200, body: await core.searchWorkOrders({ actor, criteria, limit }) };
    }),
  );
  router.get(
    '/api/work-orders/:number',
    handle(async (req) => ({ status: 200, body: await core.getWorkOrder({ actor, orderNumber: param(req, 'number') }) })),
  );
  router.post(
    '/api/work-orders/:number/retry',
    handle(async (req) => ({ status: 200, body: await core.retryWorkOrder({ actor, orderNumber: param(req, 'number') }) })),
  );
  router.post(
    '/api/work-orders/:number/abort',
    handle(async (req) => ({ status: 200, body: await core.abortWorkOrder({ actor, orderNumber: param(req, 'number') }) })),
  );

  router.post(
    '/api/products/:id/change',
    handle(async (req) => ({
      status: 201,
      body: await core.changeProduct({ ...objectBody(req), actor, origin: 'api', productId: param(req, 'id') } as Parameters<
        Core['changeProduct']
      >[0]),
    })),
  );
  router.post(
    '/api/products/:id/cancel',
    handle(async (req) => ({ status: 201, body: await core.cancelProduct({ actor, origin: 'api', productId: param(req, 'id') }) })),
  );
  router.post(
    '/api/products/:id/notes',
    handle(async (req) => ({
      status: 201,
      body: await core.addProductNote({ actor, productId: param(req, 'id'), text: String(objectBody(req).text ?? '') }),
    })),
  );

  router.get(
    '/api/domains/:domain/rules',
    handle(async (req) => ({ status: 200, body: await core.getDomainRules({ actor, domain: param(req, 'domain') }) })),
  );
  router.put(
    '/api/domains/:domain/rules',
    handle(async (req) => ({
      status: 200,
      body: await core.setDomainRules({ actor, domain: param(req, 'domain'), changes: objectBody(req) }),
    })),
  );

  router.post(
    '/api/backend/failures',
    handle(async (req) => {
      if (!o.backend) throw new CoreError('INVALID_STATE', { reason: 'failures can only be injected into the embedded backend' });
      const failure = ZFailure.safeParse(req.body);
      // A switch for tests and demos, not a form: its problems name the JSON key as sent.
      if (!failure.success)
        throw new CoreError('VALIDATION_FAILED', {
          fields: failure.error.issues.map((i) => problem('request', `${i.path.join('.') || 'body'}: ${plainMessage(i)}`)),
        });
      o.backend.injectFailure(failure.data);
      return { status: 201, body: { failures: o.backend.failures } };
    }),
  );
  return router;
}

/** The core validates the fields; here only "a JSON object" is checked, so arrays and strings get a clear 400. */
function objectBody(req: express.Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new CoreError('VALIDATION_FAILED', { fields: [problem('request', 'The request body must be a JSON object.')] });
  return body as Record<string, unknown>;
}
