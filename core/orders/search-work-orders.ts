import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { parseDomainName } from '../directory/domain-name';
import { searchableDomains } from './permissions/authorize-work';
import type { SearchWorkOrdersInput } from './use-case-types';
import type { WorkOrder } from './model/work-order';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * "Searching for an Order": by order number, author, status, extended status, and the
 * subscriber's login, name, phone, email, department, domain, order date or requested
 * delivery date, within the domains where the searcher holds Ordering or Administrator
 * ('*': every domain).
 */
export async function searchWorkOrders(deps: CoreDeps, input: SearchWorkOrdersInput): Promise<WorkOrder[]> {
  const domains = searchableDomains(input.actor);
  if (domains !== null && domains.length === 0) {
    throw new CoreError('NOT_AUTHORIZED', { action: 'search orders', reason: 'it needs the Ordering role' });
  }
  const domain = input.criteria.domain?.trim() ? parseDomainName(input.criteria.domain) : undefined;
  if (domain && domains && !domains.includes(domain)) {
    throw new CoreError('NOT_AUTHORIZED', { action: `search orders of ${domain}`, reason: `it needs the Ordering role in ${domain}` });
  }
  const limit = Math.min(Math.max(1, Math.floor(input.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const criteria = Object.fromEntries(Object.entries(input.criteria).filter(([, v]) => v !== undefined && v !== ''));
  const orderNumber = input.criteria.orderNumber?.trim().toUpperCase();
  return deps.workOrders.search({ ...criteria, ...(orderNumber ? { orderNumber } : {}), ...(domain ? { domain } : {}), domains }, limit);
}
