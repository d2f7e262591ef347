import express from 'express';
import type { Core, Logger } from '../../core/index';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors } from './api-errors';
import { jsonHandler } from './json-handler';
import { bearerAuth } from './bearer-auth';
import { customerBody, locationBody, templateBody } from './onboarding-api.view';

/**
 * Onboarding templates and customers (partner-hub-provision-customer), for systems
 * that onboard customers: the same use cases as chat, acting as API_ACTOR. The core
 * validates every field; creating a customer answers 202 at once, and the scheduler's
 * poll records how Webex ends it.
 */
export function onboardingApiRouter(core: Core, o: { apiToken: string | undefined; log: Logger }): express.Router {
  const router = express.Router();
  for (const path of ['/api/templates', '/api/customers']) {
    router.use(path, bearerAuth(o.apiToken), express.json({ limit: '64kb' }), apiBodyErrors);
  }
  const handle = jsonHandler(o.log);
  const actor = API_ACTOR;
  const param = (req: express.Request, name: string) => String(req.params[name]);

  router.post(
    '/api/templates',
    handle(async (req) => ({ status: 201, body: templateBody(await core.createTemplate({ actor, template: req.body })) })),
  );
  router.get(
    '/api/templates',
    handle(async () => ({ status: 200, body: (await core.listTemplates({ actor })).map(templateBody) })),
  );
  router.get(
    '/api/templates/:id',
    handle(async (req) => ({ status: 200, body: templateBody(await core.getTemplate({ actor, templateId: param(req, 'id') })) })),
  );

  router.post(
    '/api/customers',
    handle(async (req) => ({ status: 202, body: customerBody(await core.createCustomer({ actor, customer: req.body })) })),
  );
  router.get(
    '/api/customers',
    handle(async () => ({ status: 200, body: (await core.listCustomers({ actor })).map(customerBody) })),
  );
  router.get(
    '/api/customers/:id',
    handle(async (req) => ({ status: 200, body: customerBody(await core.getCustomer({ actor, customerId: param(req, 'id') })) })),
  );
  router.post(
    '/api/customers/:id/locations',
    handle(async (req) => ({
      status: 201,
      body: locationBody(await core.addLocation({ actor, customerId: param(req, 'id'), location: req.body })),
    })),
  );
  return router;
}
