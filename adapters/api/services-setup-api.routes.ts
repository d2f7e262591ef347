import express from 'express';
import type { Logger, ServicesSetupCore } from '../../core/index';
import { renderOrderSummaryPdf } from '../pdf/order-summary.pdf';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors, sendCoreError } from './api-errors';
import { bearerAuth } from './bearer-auth';
import { jsonHandler } from './json-handler';

/**
 * The services setup wizard, and the Connect activations after it, over REST (bearer
 * API_TOKEN), under /api/customers/{id}:
 * its own router so that it sits beside the customers API without touching it. The
 * core validates and decides; this maps HTTP to calls and back.
 */
export function servicesSetupApiRouter(setup: ServicesSetupCore, o: { apiToken: string | undefined; log: Logger }): express.Router {
  const router = express.Router();
  const handle = jsonHandler(o.log);
  // Only this router's paths: onb-core's /api/customers routes keep their own guard.
  const paths = [
    '/api/customers/:id/services-setup',
    '/api/customers/:id/summary.pdf',
    '/api/customers/:id/admins',
    '/api/customers/:id/connect-activation',
  ];
  router.use(paths, bearerAuth(o.apiToken), express.json({ limit: '16kb' }), apiBodyErrors);
  const actor = API_ACTOR;
  const customerId = (req: express.Request) => String(req.params.id);

  router.get(
    '/api/customers/:id/services-setup',
    handle(async (req) => ({ status: 200, body: await setup.getServicesSetup({ actor, customerId: customerId(req) }) })),
  );
  router.put(
    '/api/customers/:id/services-setup',
    handle(async (req) => ({
      status: 200,
      body: await setup.updateServicesSetup({ actor, customerId: customerId(req), changes: req.body }),
    })),
  );
  router.post(
    '/api/customers/:id/services-setup/submit',
    handle(async (req) => ({ status: 202, body: await setup.submitServicesSetup({ actor, customerId: customerId(req) }) })),
  );
  router.get('/api/customers/:id/summary.pdf', async (req, res) => {
    try {
      const summary = await setup.getOrderSummary({ actor, customerId: customerId(req) });
      const pdf = await renderOrderSummaryPdf(summary);
      res
        .status(200)
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="order-summary-${summary.customerId.replace(/[^\w.-]/g, '_')}.pdf"`)
        .send(pdf);
    } catch (err) {
      sendCoreError(res, err, o.log);
    }
  });
  router.get(
    '/api/customers/:id/admins',
    handle(async (req) => ({ status: 200, body: await setup.customerAdmins({ actor, customerId: customerId(req) }) })),
  );
  // `{ email }`: 201 recorded; 404 unknown customer; 400 not one of its administrators; 409 already recorded (or expired).
  router.post(
    '/api/customers/:id/connect-activation',
    handle(async (req) => ({
      status: 201,
      body: await setup.recordConnectActivation({ actor, customerId: customerId(req), body: req.body }),
    })),
  );
  return router;
}
