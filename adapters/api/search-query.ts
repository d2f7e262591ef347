import { z } from 'zod';
import type { SearchCriteria } from '../chat/commands/parse-search-command';
import { readSearchCriteria } from '../chat/commands/parse-search-command';
import type { FieldProblem } from '../../core/index';
import { CoreError, isFieldKey, plainMessage, problem } from '../../core/index';

const ZLimit = z.coerce.number().int().min(1).max(200);
const DEFAULT_LIMIT = 50;

/**
 * The query of GET /api/work-orders: every criterion of "Searching for an Order", read
 * by the same parser as chat's `search key=value ...` (status, extended, kind, name,
 * phone, email, department, date, delivery, ...), plus `limit`. A bad criterion is a 400
 * naming the field: `{ field: 'status', message: '"Shipped" is not an order status; ...' }`.
 */
export function parseSearchQuery(query: Record<string, unknown>): { criteria: SearchCriteria; limit: number } {
  const fields: FieldProblem[] = [];
  const pairs: { key: string; value: string }[] = [];
  let limit = DEFAULT_LIMIT;
  for (const [key, raw] of Object.entries(query)) {
    if (typeof raw !== 'string') {
      fields.push(criterionProblem(key, `Give "${key.slice(0, 40)}" once, as a single value.`));
    } else if (key === 'limit') {
      const parsed = ZLimit.safeParse(raw);
      if (parsed.success) limit = parsed.data;
      else fields.push(problem('limit', plainMessage(parsed.error.issues[0]!)));
    } else pairs.push({ key, value: raw.trim() });
  }
  const { criteria, problems } = readSearchCriteria(pairs);
  fields.push(...problems.map((p) => criterionProblem(p.field, p.message)));
  if (fields.length) throw new CoreError('VALIDATION_FAILED', { fields });
  return { criteria, limit };
}

/** A criterion's problem under its own name; one that is no criterion at all is the request's. */
const criterionProblem = (key: string, message: string): FieldProblem => problem(isFieldKey(key) ? key : 'request', message);
