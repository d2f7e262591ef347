import express from 'express';
import { bearerAuth } from '../api/bearer-auth';
import type { ProvbotMetrics } from './provbot-metrics';

/**
 * GET /metrics in Prometheus' text format, behind its own bearer token (METRICS_TOKEN):
 * not API_TOKEN, which acts as an administrator and has no place in a scraper's
 * config; and closed while unset, as the order API is, since counts of orders,
 * decisions and failures are business information. No label carries a secret or a
 * person: platforms, command words, outcomes and job names only.
 */
export function metricsRouter(metrics: ProvbotMetrics, o: { metricsToken: string | undefined }): express.Router {
  const router = express.Router();
  router.get('/metrics', bearerAuth(o.metricsToken, 'Metrics are disabled: set METRICS_TOKEN to enable them.'), async (_req, res, next) => {
    try {
      const text = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).send(text);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
