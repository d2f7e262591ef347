import { expect } from 'vitest';
import type { ReceivedMessage } from '../../fakes/smtp-test-server';

/**
 * The orders of the delivery fault tests: Jane's phones in a domain whose Add orders
 * need approval ("IsAuthorizationRequiredForAddOrder", Processing Orders), with two
 * approvers, so each order owes exactly two approval emails, one to each of them.
 */
export const DOMAIN = 'acme.example';
export const ANN = {
  email: 'ann.approver@acme.example',
  name: 'Ann Approver',
  slackUserId: 'UANN',
  roles: [{ role: 'Approval', domain: DOMAIN }],
};
export const ABE = {
  email: 'abe.approver@acme.example',
  name: 'Abe Approver',
  slackUserId: 'UABE',
  roles: [{ role: 'Approval', domain: DOMAIN }],
};
export const APPROVERS = [ANN, ABE];
export const JANE = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '5551234',
  department: 'Sales',
};

type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

async function must(api: Api, method: string, path: string, body?: unknown) {
  const res = await api(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The directory, the subscriber and the domain's rules, through the REST API as an administrator sets them. */
export async function setUpApprovals(api: Api, people: { email: string; name: string; roles: unknown[] }[] = APPROVERS): Promise<void> {
  for (const p of people) await must(api, 'POST', '/api/users', p);
  await must(api, 'POST', '/api/subscribers', JANE);
  await must(api, 'PUT', `/api/domains/${DOMAIN}/rules`, { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null });
}

let macs = 0;

/** Places one Phone for Jane; it waits for approval. Returns its number. */
export async function placeWorkOrder(api: Api): Promise<string> {
  const macAddress = `00DE11CE${String(++macs).padStart(4, '0')}`;
  const placed = await api('POST', '/api/work-orders', {
    subscriberLogin: JANE.login,
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945', macAddress } },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  expect(placed.body.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Approval' });
  return placed.body.order.number as string;
}

export async function placeOrders(api: Api, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 1) numbers.push(await placeWorkOrder(api));
  return numbers;
}

const orderOf = (m: ReceivedMessage) => m.headers['x-provbot-order'] ?? '';

/**
 * The inbox holds exactly one approval email per approver per order and nothing
 * else: each with its own delivery key and Message-ID (the ID a mail client would
 * drop a resent copy by).
 */
export function expectOneApprovalEmailEach(inbox: readonly ReceivedMessage[], orders: string[]): void {
  const got = inbox.map((m) => `${m.envelope.to.join(',')} ${orderOf(m)} ${m.headers['x-provbot-kind']}`).sort();
  const wanted = orders.flatMap((n) => APPROVERS.map((a) => `${a.email} ${n} activity`)).sort();
  expect(got).toEqual(wanted);
  expect(new Set(inbox.map((m) => m.headers['x-provbot-delivery'])).size).toBe(inbox.length);
  expect(new Set(inbox.map((m) => m.headers['message-id'])).size).toBe(inbox.length);
  for (const m of inbox) expect(m.headers.subject).toBe(`Approval needed: order ${orderOf(m)} (Add Phone for Jane Doe (jdoe))`);
}

/** Resolves once `probe` is truthy; polls every 25 ms. `explain` adds what the failure message should show. */
export async function eventually<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 10_000,
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}${explain ? `\n${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
