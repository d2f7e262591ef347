import express from 'express';
import type { Clock, Logger, ServicesSetupCore } from '../../../core/index';
import { renderOrderSummaryPdf } from '../../pdf/order-summary.pdf';
import { orderSummaryFileName } from '../../presenters/present-setup-notices';
import type { SummaryLinks } from './summary-link';
import { isLinkError } from './link-signer';

/** One sentence for every refusal: a holder of a bad link learns nothing about why (forged, expired, no such customer). */
const NOT_FOUND =
  'This order summary link is not valid or has expired. Type "customer summary" and the customer\'s name to the bot for a new one.';

/**
 * GET /links/order-summary/:token: the order summary PDF a Teams card links to
 * (summary-link.ts). Reading only, so a link scanner fetching it changes nothing. The
 * token is never logged.
 */
export function summaryLinkRouter(o: { links: SummaryLinks; setup: ServicesSetupCore; clock: Clock; log: Logger }): express.Router {
  const router = express.Router();
  router.get('/links/order-summary/:token', async (req, res) => {
    const link = o.links.verify(String(req.params.token ?? ''), o.clock.now());
    const summary = isLinkError(link) ? null : await o.setup.orderSummaryByLink(link.customerId);
    if (!summary) {
      o.log.warn({ reason: isLinkError(link) ? link.error : 'no summary' }, 'order summary link refused');
      res.status(404).type('text/plain').send(NOT_FOUND);
      return;
    }
    const pdf = await renderOrderSummaryPdf(summary);
    const fileName = orderSummaryFileName(summary.customerName).replace(/[^\w.-]/g, '_');
    res.status(200).type('application/pdf').set('Content-Disposition', `inline; filename="${fileName}"`).send(pdf);
  });
  return router;
}
