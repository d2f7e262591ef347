/**
 * Seeding the order workflow through the bot's REST API, as an administrator and an
 * ordering system would: the directory, a subscriber, the domain's rules, then orders
 * that each open an Approval. Used by the benches that time decisions.
 */
export const BENCH_DOMAIN = 'bench.example';
export const SUBSCRIBER = {
  login: 'bsub',
  domain: BENCH_DOMAIN,
  firstName: 'Bea',
  lastName: 'Subscriber',
  email: 'bea.subscriber@bench.example',
  phoneNumber: '5550100',
  department: 'Sales',
};
/**
 * "Extension Mobility Access ... is available either by itself": no dependency and no
 * physical phone, so with Add orders needing approval the Approval is its only step,
 * and approving it provisions the order at once.
 */
export const ORDER = { subscriberLogin: SUBSCRIBER.login, orderable: 'Extension Mobility Access' };
export const APPROVAL_ONLY_RULES = {
  isAuthorizationRequiredForAddOrder: true,
  phoneAssignmentDoneBy: null,
  phoneShippingDoneBy: null,
  phoneReceiptDoneBy: null,
};

export interface Approver {
  email: string;
  name: string;
  slackUserId?: string;
}

/** One order as POST /api/work-orders answered it: its Approval, and the order version a decision must name. */
export interface SeededOrder {
  number: string;
  version: number;
  activityId: string;
}

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** The bot's REST API with its bearer token; a non-2xx answer throws with the body. */
export function restApi(base: string, token: string): ApiCall {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

/** The approver (Approval role in the domain), the subscriber, and rules under which an Add order waits for approval and nothing else. */
export async function seedApprovalDomain(api: ApiCall, approver: Approver, domain = BENCH_DOMAIN, subscriber = SUBSCRIBER): Promise<void> {
  await api('POST', '/api/users', { ...approver, roles: [{ role: 'Approval', domain }] });
  await api('POST', '/api/subscribers', { ...subscriber, domain });
  await api('PUT', `/api/domains/${domain}/rules`, APPROVAL_ONLY_RULES);
}

/**
 * Places `count` orders, `concurrency` at a time; each must come back waiting for
 * approval with one open Approval. `subscriberOf(i)` spreads them over several
 * domains' subscribers (default: the one bench subscriber).
 */
export async function placeOrders(
  api: ApiCall,
  count: number,
  concurrency: number,
  subscriberOf: (i: number) => string = () => SUBSCRIBER.login,
): Promise<SeededOrder[]> {
  const orders: SeededOrder[] = new Array(count);
  await inParallel(count, concurrency, async (i) => {
    const placed = (await api('POST', '/api/work-orders', { ...ORDER, subscriberLogin: subscriberOf(i) })) as {
      order: { number: string; version: number; extendedStatus: string | null };
      activities: { id: string; kind: string }[];
    };
    const approval = placed.activities.find((a) => a.kind === 'Approval');
    if (placed.order.extendedStatus !== 'Waiting for Approval' || !approval)
      throw new Error(`order ${placed.order.number} is not waiting for approval: ${JSON.stringify(placed).slice(0, 300)}`);
    orders[i] = { number: placed.order.number, version: placed.order.version, activityId: approval.id };
  });
  return orders;
}

/** Runs job(0..count-1) with at most `concurrency` at once; the first failure rejects. */
export async function inParallel(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
