import { z } from 'zod';
import type { SearchCriteria } from '../presenters/parse-search-command';
import { readSearchCriteria } from '../presenters/parse-search-command';
import { CoreError } from '../../core/index';

const ZLimit = z.coerce.number().int().min(1).max(200);
const DEFAULT_LIMIT = 50;

/**
 * The query of GET /api/work-orders: every criterion of "Searching for an Order", read
 * by the same parser as chat's `search key=value ...` (status, extended, kind, name,
 * phone, email, department, date, delivery, ...), plus `limit`. A bad criterion is a 400
 * naming the field: `status: "Shipped" is not an order status; ...`.
 */
export function parseSearchQuery(query: Record<string, unknown>): { criteria: SearchCriteria; limit: number } {
  const issues: string[] = [];
  const pairs: { key: string; value: string }[] = [];
  let limit = DEFAULT_LIMIT;
  for (const [key, raw] of Object.entries(query)) {
    if (typeof raw !== 'string') {
      issues.push(`${key}: give it once, as a single value`);
    } else if (key === 'limit') {
      const parsed = ZLimit.safeParse(raw);
      if (parsed.success) limit = parsed.data;
      else issues.push(`limit: ${parsed.error.issues[0]?.message}`);
    } else pairs.push({ key, value: raw.trim() });
  }
  const { criteria, problems } = readSearchCriteria(pairs);
  issues.push(...problems.map((p) => `${p.field}: ${p.message}`));
  if (issues.length) throw new CoreError('VALIDATION_FAILED', { issues });
  return { criteria, limit };
}
