import type express from 'express';
import type { Logger } from '../../core/index';
import { sendCoreError } from './api-errors';

export type JsonRoute = (req: express.Request) => Promise<{ status: number; body: unknown }>;

/** A route that answers JSON: the status and body it returns, or the core error in the API's shape. */
export const jsonHandler =
  (log: Logger) =>
  (run: JsonRoute): express.RequestHandler =>
  async (req, res) => {
    try {
      const { status, body } = await run(req);
      res.status(status).json(body);
    } catch (err) {
      sendCoreError(res, err, log);
    }
  };
