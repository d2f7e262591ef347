import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerInput, templateInput } from '../../fixtures/onboarding';
import { FakeWebexServer } from '../../fakes/fake-webex-server';
import { startTestBot, TEST_API_TOKEN } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { openRawTables } from '../../integration/db/raw-rows';
import type { RawTables } from '../../integration/db/raw-rows';

let webex: FakeWebexServer;
let bot: TestBot;
let raw: RawTables;
beforeAll(async () => {
  webex = await FakeWebexServer.start();
  webex.pollsUntilProvisioned = 0;
  // The poll runs when the test calls it; the test bot's default (a day) is past the config's hour.
  bot = await startTestBot({ WEBEX_ACCESS_TOKEN: webex.token, WEBEX_API_URL: webex.url, WEBEX_POLL_SECONDS: '3600' });
  raw = openRawTables(bot.databaseUrl);
}, 30_000);
afterAll(async () => {
  await raw?.close();
  await bot?.stop();
  await webex?.close();
});

let fresh = 0;
/** A provisioned customer (US headquarters, calling and meetings) in a domain of its own. */
async function provisionedCustomer() {
  fresh += 1;
  const domain = `users${fresh}.example`;
  const template = (await bot.api('POST', '/api/templates', templateInput({ domain }))).body as { id: string };
  const created = await bot.api(
    'POST',
    '/api/customers',
    customerInput(template.id, { domain, packages: ['webex_calling', 'webex_meetings'] }),
  );
  expect(created.status).toBe(202);
  await bot.pollCustomers();
  const customer = (await bot.api('GET', `/api/customers/${created.body.id}`)).body as {
    id: string;
    status: string;
    locations: { id: string }[];
  };
  expect(customer.status).toBe('provisioned');
  const user = (name: string, overrides: Record<string, unknown> = {}) => ({
    firstName: name,
    lastName: 'Tester',
    email: `${name.toLowerCase()}@c${fresh}.example`,
    package: 'webex_calling',
    locationId: customer.locations[0]!.id,
    phoneNumber: '+12015550101',
    ...overrides,
  });
  return { customer, user };
}

const postCsv = async (customerId: string, csv: string) => {
  const res = await fetch(`${bot.url}/api/customers/${customerId}/users.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as any };
};

const usersOf = (customerId: string) =>
  raw.rows(`SELECT email, status FROM customer_users WHERE "customerId" = '${customerId}' ORDER BY email`);

describe('customer users API against the fake Webex server', () => {
  it('creates users and answers each result in words, in order: provisioned, waiting for consent, refused with 10022', async () => {
    const { customer, user } = await provisionedCustomer();
    const [ada, bob, cy] = [user('Ada'), user('Bob', { package: 'webex_meetings', phoneNumber: undefined }), user('Cy')];
    webex.migratingEmails.add(bob.email);
    webex.takenEmails.add(cy.email);
    const res = await bot.api('POST', `/api/customers/${customer.id}/users`, [ada, bob, cy]);
    expect(res).toEqual({
      status: 200,
      body: [
        { email: ada.email, status: 'provisioned', message: 'Created.' },
        { email: bob.email, status: 'pending_user_migration', message: expect.stringContaining('consent email') },
        { email: cy.email, status: 'refused', message: expect.stringMatching(/already belongs to a Webex user/) },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('10022');
    const consent = await bot.api('POST', `/api/customers/${customer.id}/users/${encodeURIComponent(bob.email)}/consent-email`);
    expect(consent.status).toBe(202);
    expect([...webex.subscribers.values()].find((s) => s.email === bob.email)?.consentEmails).toBe(1);
  });

  it('answers 400 naming every bad row and field, and creates nothing', async () => {
    const { customer, user } = await provisionedCustomer();
    const before = webex.requestsTo('POST', '/wholesale/subscribers').length;
    const res = await bot.api('POST', `/api/customers/${customer.id}/users`, [
      user('Ok'),
      user('Bad', { phoneNumber: '+33142685300', adminRole: 'Boss' }),
      user('Worse', { locationId: 'loc-nowhere', email: 'nope' }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'users[1].phoneNumber',
      'users[1].adminRole',
      'users[2].email',
      'users[2].locationId',
    ]);
    expect(webex.requestsTo('POST', '/wholesale/subscribers').length).toBe(before);
    expect(await usersOf(customer.id)).toEqual([]);
  });

  it("honours Webex's 429 with Retry-After and creates the user once", async () => {
    const { customer, user } = await provisionedCustomer();
    webex.scripted.push({ status: 429, retryAfterSeconds: 1 });
    const res = await bot.api('POST', `/api/customers/${customer.id}/users`, [user('Ann')]);
    expect(res.body).toEqual([{ email: user('Ann').email, status: 'provisioned', message: 'Created.' }]);
    const calls = webex.requestsTo('POST', '/wholesale/subscribers').filter((r) => r.body?.email === user('Ann').email || r.status === 429);
    expect(calls.map((r) => r.status).slice(-2)).toEqual([429, 200]);
    const again = await bot.api('POST', `/api/customers/${customer.id}/users`, [user('Ann')]);
    expect(again.body[0].status).toBe('provisioned');
    expect(
      webex.requestsTo('POST', '/wholesale/subscribers').filter((r) => r.body?.email === user('Ann').email && r.status === 200),
    ).toHaveLength(1);
  });

  it('imports users from a CSV file, and refuses a file with bad rows naming each line before creating anyone', async () => {
    const { customer } = await provisionedCustomer();
    const bad = await postCsv(
      customer.id,
      'First name,Last name,Email,Package,Location\nDee,Ok,dee@csv.example,Webex Meetings,Headquarters\nEve,,eve@csv.example,Gold,Mars\n',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { field: 'users[1].lastName', message: 'Line 3, last name: The last name is empty.' },
      { field: 'users[1].package', message: 'Line 3, package: "Gold" is not a Webex package.' },
      { field: 'users[1].locationId', message: 'Line 3, location: The customer has no location named "Mars".' },
    ]);
    expect(await usersOf(customer.id)).toEqual([]);
    const good = await postCsv(
      customer.id,
      'first name,last name,email,package,location,phone number\nDee,Ok,dee@csv.example,Webex Calling,headquarters,+12015550102\n',
    );
    expect(good).toEqual({ status: 200, body: [{ email: 'dee@csv.example', status: 'provisioned', message: 'Created.' }] });
  });
});
