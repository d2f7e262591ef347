import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerInput, HEADQUARTERS, templateInput } from '../../fixtures/onboarding';
import { orderIntake } from '../../fixtures/orders';
import { ScriptedCustomerProvisioning } from '../../fakes/scripted-customer-provisioning';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { openRawTables } from '../../integration/db/raw-rows';
import type { RawTables } from '../../integration/db/raw-rows';

const webex = new ScriptedCustomerProvisioning();
let bot: TestBot;
let raw: RawTables;
beforeAll(async () => {
  bot = await startTestBot({}, { customerProvisioning: webex });
  raw = openRawTables(bot.databaseUrl);
}, 30_000);
afterAll(async () => {
  await raw?.close();
  await bot?.stop();
});

let fresh = 0;
/** A template in a domain of its own, so no test depends on another's templates or customers. */
async function templateOfItsOwn(overrides: Record<string, unknown> = {}) {
  fresh += 1;
  const domain = `partner${fresh}.example`;
  const res = await bot.api('POST', '/api/templates', templateInput({ domain, ...overrides }));
  expect(res.status).toBe(201);
  return { domain, template: res.body as { id: string; provisioningId: string } };
}

const onboardingRows = async () =>
  JSON.stringify({
    templates: await raw.rows('SELECT * FROM onboarding_templates ORDER BY id'),
    customers: await raw.rows('SELECT * FROM customers ORDER BY id'),
    locations: await raw.rows('SELECT * FROM customer_locations ORDER BY id'),
    deliveries: await raw.rows('SELECT "key" FROM deliveries ORDER BY "key"'),
  });

describe('onboarding API through the real server', () => {
  it('creates a template with a Provisioning ID, reads it back and lists it with its customer count', async () => {
    const { domain, template } = await templateOfItsOwn({ authenticationMethod: 'sso', pstnVendor: 'Acme PSTN' });
    expect(template).toMatchObject({ domain, authenticationMethod: 'sso', pstnVendor: 'Acme PSTN', customerCount: 0 });
    expect(template.provisioningId).toEqual(expect.any(String));
    const read = await bot.api('GET', `/api/templates/${template.id}`);
    expect(read).toMatchObject({ status: 200, body: { id: template.id, provisioningId: template.provisioningId } });
    const listed = await bot.api('GET', '/api/templates');
    expect(listed.body).toContainEqual(expect.objectContaining({ id: template.id, customerCount: 0 }));
  });

  it('answers 409 for a second template of the same name, 400 naming a bad field, 404 for an unknown id', async () => {
    const { domain } = await templateOfItsOwn();
    const before = await onboardingRows();
    expect((await bot.api('POST', '/api/templates', templateInput({ domain, name: 'retail CALLING' }))).status).toBe(409);
    const bad = await bot.api('POST', '/api/templates', templateInput({ domain, name: 'Other', authenticationMethod: 'ldap' }));
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'authenticationMethod', message: expect.any(String) }] } },
    });
    expect((await bot.api('GET', '/api/templates/tpl-unknown')).status).toBe(404);
    expect(await onboardingRows()).toBe(before);
  });

  it('creates a customer at once (202), and the poll records it provisioned, welcomes the administrator and onboards the orders', async () => {
    const { domain, template } = await templateOfItsOwn();
    const subscriptionId = `Sub-${domain}`;
    expect((await bot.api('POST', '/api/orders', orderIntake({ number: `ORD-${fresh}`, subscriptionId, domain }))).status).toBe(201);
    webex.nextPolls = [
      { status: 'provisioning' },
      {
        status: 'provisioned_with_errors',
        orgId: `org-${fresh}`,
        packages: [
          { name: 'webex_calling', status: 'provisioned', warnings: [], errors: [] },
          {
            name: 'webex_meetings',
            status: 'error',
            warnings: [],
            errors: [{ code: '9001', description: 'The meeting site is not ready.' }],
          },
        ],
      },
    ];
    const created = await bot.api(
      'POST',
      '/api/customers',
      customerInput(template.id, { domain, subscriptionId, packages: ['webex_calling', 'webex_meetings'] }),
    );
    expect(created).toMatchObject({
      status: 202,
      body: { status: 'provisioning', packages: [{ name: 'webex_calling', status: 'provisioning', reasons: [] }, expect.anything()] },
    });
    const id = created.body.id as string;

    await bot.pollCustomers();
    expect((await bot.api('GET', `/api/customers/${id}`)).body.status).toBe('provisioning');
    await bot.pollCustomers();
    const settled = await bot.api('GET', `/api/customers/${id}`);
    expect(settled.body).toMatchObject({
      status: 'provisioned_with_errors',
      orgId: `org-${fresh}`,
      packages: [
        { name: 'webex_calling', status: 'provisioned', reasons: [] },
        { name: 'webex_meetings', status: 'error', reasons: ['The meeting site is not ready.'] },
      ],
    });
    const order = await bot.api('GET', `/api/orders/ORD-${fresh}`);
    expect(order.body.lines.map((l: { organizationId: string | null }) => l.organizationId)).toEqual([`org-${fresh}`, `org-${fresh}`]);
    expect((await bot.api('GET', `/api/templates/${template.id}`)).body.customerCount).toBe(1);

    await bot.dispatch();
    const emails = await Promise.all(
      (await readdir(bot.outboxDir)).filter((f) => f.endsWith('.eml')).map((f) => readFile(join(bot.outboxDir, f), 'utf8')),
    );
    const welcome = emails.find((e) => /X-Provbot-Kind: customer-welcome/.test(e));
    expect(welcome).toMatch(/To: it-admin@globex\.example/);
    expect(welcome).toContain('https://admin.webex.com');
    expect(welcome).toContain('Get Started');
  });

  it('lists customers and shows locations with the headquarters first, each with its id', async () => {
    const { domain, template } = await templateOfItsOwn();
    webex.nextPolls = [{ status: 'provisioned', orgId: 'org-branches' }];
    const id = (await bot.api('POST', '/api/customers', customerInput(template.id, { domain }))).body.id as string;
    await bot.pollCustomers();
    const branch = {
      name: 'Chicago branch',
      address: { addressLine1: '1 Wacker Drive', city: 'Chicago', stateOrProvince: 'IL', country: 'US' },
    };
    const added = await bot.api('POST', `/api/customers/${id}/locations`, branch);
    expect(added).toMatchObject({ status: 201, body: { id: expect.any(String), name: 'Chicago branch', headquarters: false } });

    const read = await bot.api('GET', `/api/customers/${id}`);
    expect(read.body.locations).toEqual([
      expect.objectContaining({ id: expect.any(String), headquarters: true, address: HEADQUARTERS }),
      expect.objectContaining({ id: added.body.id, name: 'Chicago branch' }),
    ]);
    expect((await bot.api('GET', '/api/customers')).body).toContainEqual(expect.objectContaining({ id, domain }));
    expect((await bot.api('POST', '/api/customers/cus-unknown/locations', branch)).status).toBe(404);
    expect((await bot.api('GET', '/api/customers/cus-unknown')).status).toBe(404);
  });

  const refusals: [string, (templateId: string, domain: string) => unknown, string][] = [
    [
      'a missing address line',
      (t, domain) => customerInput(t, { domain, headquarters: { ...HEADQUARTERS, addressLine1: undefined } }),
      'headquarters.addressLine1',
    ],
    [
      'a too-long address line',
      (t, domain) => customerInput(t, { domain, headquarters: { ...HEADQUARTERS, city: 'c'.repeat(51) } }),
      'headquarters.city',
    ],
    [
      'an unsupported country',
      (t, domain) => customerInput(t, { domain, headquarters: { ...HEADQUARTERS, country: 'AQ' } }),
      'headquarters.country',
    ],
    [
      'the supported-location box unchecked',
      (t, domain) => customerInput(t, { domain, supportedLocationVerified: false }),
      'supportedLocationVerified',
    ],
    ['a malformed administrator email', (t, domain) => customerInput(t, { domain, adminEmail: 'admin@' }), 'adminEmail'],
    ['an unknown template', (_t, domain) => customerInput('tpl-unknown', { domain }), 'templateId'],
  ];
  for (const [what, body, field] of refusals) {
    it(`answers 400 naming ${field} for ${what}, and changes nothing`, async () => {
      const { domain, template } = await templateOfItsOwn();
      const before = await onboardingRows();
      const calls = webex.calls.length;
      const res = await bot.api('POST', '/api/customers', body(template.id, domain));
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([{ field, message: expect.any(String) }]);
      expect(res.body.error).toContain(res.body.details.fields[0].message.replace(/\.$/, ''));
      expect(await onboardingRows()).toBe(before);
      expect(webex.calls.slice(calls).filter((c) => c.method === 'createCustomer')).toEqual([]);
    });
  }

  it('refuses an unsupported country with the reason', async () => {
    const { domain, template } = await templateOfItsOwn();
    const res = await bot.api(
      'POST',
      '/api/customers',
      customerInput(template.id, { domain, headquarters: { ...HEADQUARTERS, country: 'AQ' } }),
    );
    expect(res.body.details.fields[0].message).toMatch(
      /cannot create customers headquartered in AQ: it is not one of the supported countries/,
    );
  });

  it('asks for the bearer token', async () => {
    expect((await bot.api('GET', '/api/customers', undefined, null)).status).toBe(401);
    expect((await bot.api('POST', '/api/templates', templateInput(), 'wrong-token-0123456789')).status).toBe(401);
  });
});
