import type { WorkOrder } from '../../core/index';
import type { SearchCriteria } from '../chat/commands/parse-search-command';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';
import { describeOrder, stateText } from './work-order-text';

/** How each criterion reads back to the user ("Searching for an Order" names them so). */
const CRITERION_LABEL: Record<keyof SearchCriteria, string> = {
  orderNumber: 'order number',
  author: 'author',
  state: 'status',
  extendedStatus: 'extended status',
  kind: 'kind',
  subscriberLogin: 'login',
  subscriberName: 'name',
  subscriberPhone: 'phone',
  subscriberEmail: 'email',
  department: 'department',
  domain: 'domain',
  orderDate: 'order date',
  requestedDeliveryDate: 'requested delivery date',
};

/** `search`: newest first, one section per work order; says so when the list was cut at the limit. */
export function presentSearchResults(
  orders: WorkOrder[],
  search: { criteria: SearchCriteria; limit: number },
  options: { prefix?: string } = {},
): View {
  const asked = (Object.keys(search.criteria) as (keyof SearchCriteria)[])
    .filter((k) => search.criteria[k] !== undefined)
    .map((k) => `${CRITERION_LABEL[k]} ${search.criteria[k]}`)
    .join(', ');
  return {
    title: orders.length === 0 ? 'No work orders found' : `${orders.length} work order${orders.length === 1 ? '' : 's'} found`,
    tone: 'info',
    paragraphs: [
      `Searched for ${asked || 'every order you may see'}.`,
      ...(orders.length === 0 ? ['Only the domains where you hold a role are searched.'] : []),
    ],
    sections: orders.map(section),
    footnote:
      orders.length >= search.limit
        ? `Showing the newest ${search.limit}; add criteria to narrow the search.`
        : orders.length > 0
          ? `"${options.prefix ?? ''}status <WO-number>" shows one with its activities.`
          : undefined,
  };
}

function section(order: WorkOrder): ViewSection {
  return {
    heading: `${order.number}: ${describeOrder(order)}`,
    fields: [
      { label: 'Status', value: stateText(order) },
      { label: 'Domain', value: order.domain },
      { label: 'Placed by', value: order.author.name },
      { label: 'Placed', value: formatInstant(order.createdAt) },
      ...(order.requestedDeliveryDate ? [{ label: 'Requested delivery', value: order.requestedDeliveryDate }] : []),
    ],
  };
}
