import express from 'express';
import type { Core, FieldProblem, Logger } from '../../core/index';
import { CoreError } from '../../core/index';
import { CSV_COLUMN_NAMES, parseUsersCsv } from '../onboarding/parse-users-csv';
import { API_ACTOR } from './api-actor';
import { apiBodyErrors } from './api-errors';
import { bearerAuth } from './bearer-auth';
import { jsonHandler } from './json-handler';

/** A thousand users fit well within this; the rest of the API keeps its 64 kB. */
const BATCH_LIMIT = '2mb';

/**
 * Set up Customer, "Add users": many at once, as JSON or as a CSV file. Mounted before
 * the onboarding router so these two paths get their larger body limit.
 */
export function customerUsersApiRouter(core: Core, o: { apiToken: string | undefined; log: Logger }): express.Router {
  const router = express.Router();
  const handle = jsonHandler(o.log);
  const actor = API_ACTOR;
  const auth = bearerAuth(o.apiToken);
  const id = (req: express.Request) => String(req.params.id);

  router.post(
    '/api/customers/:id/users',
    auth,
    express.json({ limit: BATCH_LIMIT }),
    apiBodyErrors,
    handle(async (req) => ({ status: 200, body: await core.addCustomerUsers({ actor, customerId: id(req), users: req.body }) })),
  );
  router.post(
    '/api/customers/:id/users.csv',
    auth,
    express.text({ type: ['text/csv', 'text/plain'], limit: BATCH_LIMIT }),
    apiBodyErrors,
    handle(async (req) => {
      const customer = await core.getCustomer({ actor, customerId: id(req) });
      const parsed = parseUsersCsv(typeof req.body === 'string' ? req.body : '', customer.locations);
      if (!parsed.ok) throw new CoreError('VALIDATION_FAILED', { fields: parsed.problems.map(csvProblem) });
      return { status: 200, body: await core.addCustomerUsers({ actor, customerId: customer.id, users: parsed.users }) };
    }),
  );
  router.post(
    '/api/customers/:id/users/:email/consent-email',
    auth,
    handle(async (req) => {
      await core.resendConsentEmail({ actor, customerId: id(req), email: String(req.params.email) });
      return { status: 202, body: { sent: true } };
    }),
  );
  return router;
}

/** Line 3's phone number → `users[1].phoneNumber`, "Line 3, phone number: …" (the header is line 1). */
function csvProblem(p: { row: number; field: keyof typeof CSV_COLUMN_NAMES | null; message: string }): FieldProblem {
  const index = Math.max(p.row - 2, 0);
  const where = p.field ? `Line ${p.row}, ${CSV_COLUMN_NAMES[p.field]}` : `Line ${p.row}`;
  return { field: p.field ? `users[${index}].${p.field}` : 'users', message: `${where}: ${p.message}` };
}
