import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

const DOMAIN = 'acme.example';
const JANE = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '5551234',
  department: 'Sales',
};
const APPROVER = { email: 'ann.approver@acme.example', name: 'Ann Approver', roles: [{ role: 'Approval', domain: DOMAIN }] };
const PHONE = { phoneType: '7945', macAddress: '00AABBCCDDEE' };

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  expect((await bot.api('POST', '/api/users', APPROVER)).status).toBe(200);
  expect((await bot.api('POST', '/api/subscribers', JANE)).status).toBe(201);
});
afterAll(async () => bot?.stop());

/** Rules under which an Add order needs no approval and no assignment: it is provisioned at once. */
const NO_STEPS = { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null };

let fresh = 0;
/** A subscriber in a domain of its own, with its own rules, so no test depends on another's orders or rules. */
async function subscriberOfItsOwn(rules: Record<string, unknown>): Promise<{ login: string; mac: string }> {
  fresh += 1;
  const domain = `acme${fresh}.example`;
  const login = `jdoe${fresh}`;
  expect((await bot.api('POST', '/api/subscribers', { ...JANE, login, domain, email: `jane${fresh}@${domain}` })).status).toBe(201);
  expect((await bot.api('PUT', `/api/domains/${domain}/rules`, rules)).status).toBe(200);
  return { login, mac: `00AABBCC${String(fresh).padStart(4, '0')}` };
}

const orders = async () => (await bot.api('GET', `/api/work-orders?login=${JANE.login}`)).body as { number: string }[];

describe('work-order API through the real server', () => {
  it('places an order that waits for approval when the domain requires it', async () => {
    const put = await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, {
      isAuthorizationRequiredForAddOrder: true,
      phoneAssignmentDoneBy: null,
    });
    expect(put).toMatchObject({
      status: 200,
      body: { domain: DOMAIN, isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null },
    });

    const placed = await bot.api('POST', '/api/work-orders', { subscriberLogin: 'jdoe', orderable: 'Phone', attributes: { Phone: PHONE } });
    expect(placed.status).toBe(201);
    expect(placed.body.order).toMatchObject({
      kind: 'Add',
      state: 'Released',
      extendedStatus: 'Waiting for Approval',
      subscriberLogin: 'jdoe',
      origin: 'api',
    });
    expect(placed.body.order.number).toMatch(/^WO-\d{6}$/);
    expect(placed.body.activities).toEqual([
      expect.objectContaining({ kind: 'Approval', status: 'Open', assignee: { kind: 'group', role: 'Approval' } }),
    ]);

    const fetched = await bot.api('GET', `/api/work-orders/${placed.body.order.number}`);
    expect(fetched.body.order.number).toBe(placed.body.order.number);
  });

  it('provisions at once when no step applies, and shows the products in the subscriber record', async () => {
    const { login, mac } = await subscriberOfItsOwn(NO_STEPS);
    const placed = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: login,
      orderable: 'Enhanced Phone Service',
      attributes: { Phone: { ...PHONE, macAddress: mac } },
    });
    expect(placed.status).toBe(201);
    expect(placed.body.order).toMatchObject({ state: 'Completed', extendedStatus: null });
    const record = await bot.api('GET', `/api/subscribers/${login}`);
    expect(record.body.products.map((p: { type: string }) => p.type).sort()).toEqual(['Line', 'Phone', 'Voicemail']);
  });

  it('refuses bad orders with a specific message and stores nothing', async () => {
    const before = (await orders()).length;
    const unknownProduct = await bot.api('POST', '/api/work-orders', { subscriberLogin: 'jdoe', orderable: 'Fax Machine' });
    expect(unknownProduct.status).toBe(400);
    expect(unknownProduct.body.error).toMatch(/Fax Machine/);

    const unknownSubscriber = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: 'nobody',
      orderable: 'Phone',
      attributes: { Phone: PHONE },
    });
    expect(unknownSubscriber).toMatchObject({ status: 404, body: { code: 'SUBSCRIBER_NOT_FOUND' } });

    const badMac = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { ...PHONE, macAddress: '00AABBCCDD' } },
    });
    // The label and one sentence; the field by the name the API takes, never a path like Phone.macAddress.
    const macRule = 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 10.';
    expect(badMac).toMatchObject({
      status: 400,
      body: { error: `MAC address: ${macRule}`, code: 'VALIDATION_FAILED', fields: [{ field: 'macAddress', message: macRule }] },
    });

    await bot.api('POST', '/api/subscribers', { ...JANE, login: 'nolines', email: 'no.lines@acme.example' });
    const missingDependency = await bot.api('POST', '/api/work-orders', { subscriberLogin: 'nolines', orderable: 'Voicemail' });
    expect(missingDependency).toMatchObject({ status: 422, body: { code: 'DEPENDENCY_MISSING' } });

    expect((await bot.api('POST', '/api/work-orders', [1, 2])).status).toBe(400);
    // Wrong JSON types get the field named, not a 500.
    for (const [body, field] of [
      [{}, 'subscriberLogin'],
      [{ subscriberLogin: 5, orderable: 'Phone' }, 'subscriberLogin'],
      [{ subscriberLogin: 'jdoe', orderable: 'Phone', parentProductId: 5 }, 'parentProductId'],
      [{ subscriberLogin: 'jdoe', orderable: 'Phone', requestedDeliveryDate: 20270101 }, 'requestedDeliveryDate'],
      [{ subscriberLogin: 'jdoe', orderable: 'Phone', attributes: { Phone: { phoneType: 7945 } } }, 'attributes'],
      [{ subscriberLogin: 'jdoe', orderable: 'Phone', attributes: 'x' }, 'attributes'],
    ] as const) {
      const res = await bot.api('POST', '/api/work-orders', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields, JSON.stringify(body)).toContainEqual({ field, message: expect.stringMatching(/^[A-Z"'].*\.$/) });
    }
    expect((await orders()).length).toBe(before);
    expect((await bot.api('GET', '/api/work-orders?login=nolines')).body).toEqual([]);
  });

  it('refuses a change with wrong JSON types, naming the field, and changes nothing', async () => {
    const { login, mac } = await subscriberOfItsOwn(NO_STEPS);
    const placed = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: login,
      orderable: 'Phone',
      attributes: { Phone: { ...PHONE, macAddress: mac } },
    });
    expect(placed.body.order).toMatchObject({ state: 'Completed' });
    const record = (await bot.api('GET', `/api/subscribers/${login}`)).body;
    const phone = record.products.find((p: { type: string }) => p.type === 'Phone');
    for (const body of [
      { changeKind: 'Settings', attributes: { displayName: 5 } },
      { changeKind: 'Settings', attributes: null },
      { changeKind: 'Change Owner', newOwnerLogin: 5 },
    ]) {
      const res = await bot.api('POST', `/api/products/${phone.id}/change`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await bot.api('GET', `/api/subscribers/${login}`)).body).toEqual(record);
  });

  it('sends an order whose provisioning fails from the API straight to Hold, with the failure', async () => {
    const { login, mac } = await subscriberOfItsOwn(NO_STEPS);
    // Once: the embedded backend's failure would otherwise outlive this test.
    expect(
      (
        await bot.api('POST', '/api/backend/failures', {
          productType: 'Phone',
          kind: 'recoverable',
          message: 'device pool missing',
          times: 1,
        })
      ).status,
    ).toBe(201);
    const placed = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: login,
      orderable: 'Phone',
      attributes: { Phone: { ...PHONE, macAddress: mac } },
    });
    expect(placed.body.order).toMatchObject({
      state: 'Hold',
      extendedStatus: 'Recoverable Error',
      failure: { productType: 'Phone', kind: 'recoverable', message: 'device pool missing' },
    });
  });

  it('rejects rule changes with bad values and keeps the rules as they were', async () => {
    const before = (await bot.api('GET', `/api/domains/${DOMAIN}/rules`)).body;
    const bad = await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, {
      phoneShippingDoneBy: { kind: 'group', role: 'Janitor' },
      isAuthorizationRequiredForAddOrder: 'yes',
    });
    expect(bad.status).toBe(400);
    expect((await bot.api('GET', `/api/domains/${DOMAIN}/rules`)).body).toEqual(before);
  });

  it('requires the bearer token', async () => {
    expect((await bot.api('POST', '/api/work-orders', { subscriberLogin: 'jdoe', orderable: 'Phone' }, null)).status).toBe(401);
    expect((await bot.api('GET', '/api/subscribers/jdoe', undefined, 'wrong-token-0123456789')).status).toBe(401);
  });
});
