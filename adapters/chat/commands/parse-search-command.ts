import { z } from 'zod';
import type { ExtendedStatus, OrderKind, OrderSearch, WorkOrderState } from '../../../core/index';
import { ZEmail } from '../../../core/index';
import {
  ArgumentProblem,
  collectPairs,
  compact,
  parseWord,
  splitWords,
  stripMailto,
  WORK_ORDER_SHAPE,
  ZDay,
  ZDomain,
  ZLogin,
  ZWorkOrderNumber,
} from './command-words';

export type SearchCriteria = Omit<OrderSearch, 'domains'>;

/** Every state and extended status, each with the other spellings a user may type. */
const STATES: Record<WorkOrderState, string[]> = {
  Initial: [],
  Released: [],
  // The seed itself says both: "the order with the status as Complete".
  Completed: ['complete', 'done'],
  Hold: ['onhold'],
  Cancelled: ['canceled', 'cancel'],
};
const EXTENDED: Record<ExtendedStatus, string[]> = {
  'Being Provisioned': ['provisioning'],
  'Waiting for Approval': ['approval'],
  'Waiting for Assignment': ['assignment'],
  'Waiting for Shipping': ['shipping'],
  'Waiting for Receiving': ['receiving'],
  'Recoverable Error': ['recoverable'],
  'Unrecoverable Error': ['unrecoverable'],
};
const KINDS: Record<OrderKind, string[]> = { Add: [], Change: [], Cancel: [] };

function oneOf<T extends string>(table: Record<T, string[]>, what: string) {
  return (value: string): T => {
    const want = compact(value);
    const hit = (Object.keys(table) as T[]).find((name) => compact(name) === want || table[name].includes(want));
    if (!hit) throw new ArgumentProblem(`"${value.slice(0, 80)}" is not ${what}; use one of ${Object.keys(table).join(', ')}.`);
    return hit;
  };
}

const ZText = z.string().min(1, 'give a value').max(100, 'at most 100 characters');
const text = (what: string) => (v: string) => parseWord(ZText, v, what);

/**
 * The criteria of "Searching for an Order": order number, author, order status,
 * extended status, and the subscriber's login, first or last name, phone number,
 * email, department, domain; order date, requested delivery date.
 */
const CRITERIA: Record<string, { field: keyof SearchCriteria; parse: (value: string) => string }> = {
  number: { field: 'orderNumber', parse: (v) => parseWord(ZWorkOrderNumber, v, 'work order number') },
  author: { field: 'author', parse: text('author') },
  status: { field: 'state', parse: oneOf(STATES, 'an order status') },
  extended: { field: 'extendedStatus', parse: oneOf(EXTENDED, 'an extended status') },
  kind: { field: 'kind', parse: oneOf(KINDS, 'an order kind') },
  login: { field: 'subscriberLogin', parse: (v) => parseWord(ZLogin, v, 'subscriber login') },
  name: { field: 'subscriberName', parse: text('name') },
  phone: { field: 'subscriberPhone', parse: text('phone number') },
  email: { field: 'subscriberEmail', parse: (v) => (v.includes('@') ? parseWord(ZEmail, stripMailto(v), 'email') : text('email')(v)) },
  department: { field: 'department', parse: text('department') },
  domain: { field: 'domain', parse: (v) => parseWord(ZDomain, v, 'domain') },
  date: { field: 'orderDate', parse: (v) => parseWord(ZDay, v, 'order date') },
  delivery: { field: 'requestedDeliveryDate', parse: (v) => parseWord(ZDay, v, 'requested delivery date') },
};
export const SEARCH_KEYS = Object.keys(CRITERIA);
/** Other names accepted for a key: `state` is what GET /api/work-orders has always taken for `status`. */
const ALIASES: Record<string, string> = { state: 'status' };

export interface SearchProblem {
  /** The key as given (`status`), so chat and API name what was wrong. */
  field: string;
  message: string;
}

/**
 * The one reading of search criteria, for `search key=value ...` in chat and the query
 * of GET /api/work-orders alike: every pair is checked and every problem returned.
 */
export function readSearchCriteria(pairs: readonly { key: string; value: string }[]): {
  criteria: SearchCriteria;
  problems: SearchProblem[];
} {
  const criteria: SearchCriteria = {};
  const problems: SearchProblem[] = [];
  for (const { key, value } of pairs) {
    const field = key.toLowerCase().slice(0, 40);
    const criterion = CRITERIA[ALIASES[field] ?? field];
    const problem = (message: string) => problems.push({ field, message });
    if (!criterion) problem(`"${field}" is not a search criterion; use ${SEARCH_KEYS.join(', ')}.`);
    else if (value === '') problem(`"${field}=" has no value.`);
    else if (criteria[criterion.field] !== undefined) problem(`"${field}" is given twice.`);
    else {
      try {
        (criteria as Record<string, string>)[criterion.field] = criterion.parse(value);
      } catch (err) {
        if (!(err instanceof ArgumentProblem)) throw err;
        problem(err.message);
      }
    }
  }
  return { criteria, problems };
}

/** `search <key=value ...>` or `search <WO-number>`. */
export function parseSearchArgs(rest: string): SearchCriteria {
  const words = splitWords(rest);
  if (words.length === 0) {
    throw new ArgumentProblem(`"search" needs a work order number or at least one key=value: ${SEARCH_KEYS.join(', ')}.`);
  }
  if (words.length === 1 && words[0]!.eq < 0 && WORK_ORDER_SHAPE.test(words[0]!.text)) {
    return { orderNumber: parseWord(ZWorkOrderNumber, words[0]!.text, 'work order number') };
  }
  const { criteria, problems } = readSearchCriteria(collectPairs(words, 'status=Released'));
  if (problems[0]) throw new ArgumentProblem(problems[0].message);
  return criteria;
}
