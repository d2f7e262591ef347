import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { openRawTables } from '../../integration/db/raw-rows';
import type { RawTables } from '../../integration/db/raw-rows';

const DOMAIN = 'acme.example';
const JANE = { login: 'jdoe', domain: DOMAIN, firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@acme.example', department: 'Sales' };
const ANN = { email: 'ann@acme.example', name: 'Ann Approver', roles: [{ role: 'Approval', domain: DOMAIN }] };
const PHONE = { phoneType: '7945', macAddress: '00AABBCCDDEE' };

let bot: TestBot;
let raw: RawTables;
let productId: string;
beforeAll(async () => {
  bot = await startTestBot();
  raw = openRawTables(bot.databaseUrl);
  expect((await bot.api('POST', '/api/users', ANN)).status).toBe(200);
  expect((await bot.api('POST', '/api/subscribers', JANE)).status).toBe(201);
  const rules = {
    isAuthorizationRequiredForAddOrder: false,
    phoneAssignmentDoneBy: null,
    phoneShippingDoneBy: null,
    phoneReceiptDoneBy: null,
  };
  expect((await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, rules)).status).toBe(200);
  const placed = await bot.api('POST', '/api/work-orders', {
    subscriberLogin: 'jdoe',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: PHONE },
  });
  expect(placed.body.order).toMatchObject({ state: 'Completed' });
  productId = (await bot.api('GET', '/api/subscribers/jdoe')).body.products[0].id;
}, 30_000);
afterAll(async () => {
  await raw?.close();
  await bot?.stop();
});

/**
 * Every table's rows, as a copy of the database would show them; of the outbox only which
 * deliveries exist, since the setup's own email may still be on its way.
 */
async function everything(): Promise<string> {
  const tables = await raw.rows<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name`,
  );
  const dump: Record<string, unknown> = {};
  for (const { name } of tables)
    dump[name] = await raw.rows(name === 'deliveries' ? 'SELECT "key" FROM deliveries ORDER BY "key"' : `SELECT * FROM "${name}"`);
  return JSON.stringify(dump, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** Sends the request, expects `status` with `words` in the answer, and the database as it was. */
async function refused(method: string, path: string, body: unknown, status: number, words: RegExp): Promise<void> {
  const before = await everything();
  const res = await bot.api(method, path, body);
  expect({ status: res.status, body: JSON.stringify(res.body) }).toEqual({ status, body: expect.stringMatching(words) });
  expect(await everything()).toBe(before);
}

const TRAVERSAL = '..%2f..%2fetc%2fpasswd';

describe('one rule for domain names at every boundary', () => {
  it.each([
    ['GET', `/api/domains/${TRAVERSAL}/rules`, undefined],
    ['PUT', `/api/domains/${TRAVERSAL}/rules`, { isAuthorizationRequiredForAddOrder: true }],
    ['GET', `/api/work-orders?domain=${TRAVERSAL}`, undefined],
    ['POST', '/api/subscribers', { ...JANE, login: 'eve', domain: '../etc' }],
    ['POST', '/api/orders', orderIntake({ domain: 'acme example' })],
    ['POST', '/api/users', { ...ANN, email: 'eve@acme.example', roles: [{ role: 'Ordering', domain: 'a/b' }] }],
    ['PUT', `/api/notifications/domains/${TRAVERSAL}`, {}],
  ])('%s %s is refused with 400 naming the rule, and nothing is stored', async (method, path, body) => {
    await refused(method, path, body, 400, /domain/);
  });

  it('refuses notification settings for a domain nobody in the directory holds a role in, with words', async () => {
    await refused('PUT', '/api/notifications/domains/nobody.example', { groups: {} }, 404, /I don't know the domain nobody\.example/);
  });
});

describe('names and free text refuse control characters', () => {
  it.each([
    ['a user’s name', 'POST', '/api/users', { ...ANN, email: 'eve@acme.example', name: 'Eve\u001b[31m Red' }],
    ['a subscriber’s first name', 'POST', '/api/subscribers', { ...JANE, login: 'eve', firstName: 'Eve\nBcc: all@acme.example' }],
    ['a subscriber’s department', 'POST', '/api/subscribers', { ...JANE, login: 'eve', department: 'Sales\u0000' }],
    ['the placer’s name of an order', 'POST', '/api/orders', orderIntake({ placedBy: { email: 'p@acme.example', name: 'Pat\u0007' } })],
    [
      'an order attribute',
      'POST',
      '/api/work-orders',
      { subscriberLogin: 'jdoe', orderable: 'Phone', attributes: { Phone: { ...PHONE, deviceName: 'SEP\u0085' } } },
    ],
  ])('%s', async (_what, method, path, body) => {
    await refused(method, path, body, 400, /control characters/);
  });

  it('a note keeps its line breaks but refuses other control characters', async () => {
    await refused('POST', `/api/products/${productId}/notes`, { text: 'ring\u0007 twice' }, 400, /control characters/);
    expect((await bot.api('POST', `/api/products/${productId}/notes`, { text: 'line one\nline two' })).status).toBe(201);
  });
});
