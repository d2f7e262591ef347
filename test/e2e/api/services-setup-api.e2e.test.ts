import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../../core/index';
import { customerForSetup, PARTNER_DOMAIN } from '../../fixtures/customers-for-setup';
import { FixedClock } from '../../fakes/fixed-clock';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { pdfText } from '../../fakes/pdf-text';
import { startTestBot, TEST_API_TOKEN } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

const clock = new FixedClock(new Date());
const customers = new InMemoryCustomerDirectory();
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({}, { clock, customers });
});
afterAll(async () => bot?.stop());

let seq = 0;
/** A customer of its own for each test: headquarters in the United Kingdom unless told. */
const newCustomer = (overrides: Parameters<typeof customerForSetup>[0] = {}) => {
  seq += 1;
  return customers.add(customerForSetup({ id: `cust-api-${seq}`, ...overrides })).id;
};
const path = (id: string, tail = 'services-setup') => `/api/customers/${id}/${tail}`;

describe('services setup API through the real server', () => {
  it('shows the wizard with the options allowed now, saves pages, and locks the confirmed country (409)', async () => {
    const id = newCustomer();
    const first = await bot.api('GET', path(id));
    expect(first).toMatchObject({
      status: 200,
      body: { countryOfOperation: 'GB', dataCenter: 'United Kingdom', nextStep: 'calling-setup' },
    });
    expect(first.body.options.platform.map((p: { value: string }) => p.value)).toContain('webex-contact-center');

    const confirmed = await bot.api('PUT', path(id), {
      sipAddressName: 'globex',
      countryOfOperation: 'ZA',
      confirmCountry: true,
      platform: 'webex-contact-center',
    });
    expect(confirmed).toMatchObject({ status: 200, body: { countryOfOperation: 'ZA', region: 'Southern Africa', countryConfirmed: true } });
    expect(confirmed.body.options.telephony.map((t: { value: string }) => t.value)).toEqual([
      'webex-calling',
      'webex-calling-pstn-services',
    ]);

    const moved = await bot.api('PUT', path(id), { countryOfOperation: 'GB' });
    expect(moved).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', error: expect.stringContaining("can't be changed after confirmation") },
    });
    expect((await bot.api('GET', path(id))).body).toMatchObject({ countryOfOperation: 'ZA', version: confirmed.body.version });
  });

  it('answers 400 with the field for bad input and changes nothing; 404 for an unknown customer; 401 without the token', async () => {
    const id = newCustomer();
    await bot.api('PUT', path(id), { sipAddressName: 'globex' });
    const before = (await bot.api('GET', path(id))).body;
    const cases: [unknown, string][] = [
      [{ countryOfOperation: 'Narnia' }, 'countryOfOperation'],
      [{ countryOfOperation: 'KP', confirmCountry: true }, 'countryOfOperation'],
      [{ telephony: 'vpop' }, 'telephony'],
      [{ timezone: 'Mars/Base' }, 'timezone'],
      [{ confirmCountry: 'yes' }, 'confirmCountry'],
      [{ colour: 'blue' }, 'request'],
    ];
    for (const [body, field] of cases) {
      const res = await bot.api('PUT', path(id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.details.fields.map((f: { field: string }) => f.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await bot.api('PUT', path(id), '{"sip')).status).toBe(400);
    expect((await bot.api('GET', path(id))).body).toEqual(before);
    expect(await bot.api('GET', path('no-such-customer'))).toMatchObject({ status: 404, body: { code: 'CUSTOMER_NOT_FOUND' } });
    expect((await bot.api('GET', path(id), undefined, null)).status).toBe(401);
  });

  it('submits once (a second submit is 409 and changes nothing), reports progress, and serves the order summary PDF', async () => {
    const id = newCustomer({ name: 'Initech Support' });
    await bot.api('PUT', path(id), {
      sipAddressName: 'initech',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    expect((await bot.api('GET', path(id, 'summary.pdf'))).status).toBe(409);
    const submitted = await bot.api('POST', path(id, 'services-setup/submit'));
    expect(submitted).toMatchObject({ status: 202, body: { state: 'submitted', nextStep: 'in-progress' } });
    const after = (await bot.api('GET', path(id))).body;
    expect(await bot.api('POST', path(id, 'services-setup/submit'))).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect((await bot.api('GET', path(id))).body).toEqual(after);

    clock.advanceMinutes(10);
    await bot.setupTick();
    expect((await bot.api('GET', path(id))).body).toMatchObject({
      state: 'completed',
      progress: [{ done: true }, { done: true }, { done: true }, { done: true }],
    });

    const res = await fetch(`${bot.url}${path(id, 'summary.pdf')}`, { headers: { authorization: `Bearer ${TEST_API_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const value of ['Initech Support', 'United Kingdom (GB)', 'Europe/London', 'Webex Calling-based agents', 'order API'])
      expect(text, value).toContain(value);
  });

  it('after the setup, reminds the first administrator to activate Connect two business days before the deadline, then tells them and the partner when it passed', async () => {
    await bot.api('POST', '/api/users', {
      email: 'pat@acme-partner.example',
      name: 'Pat Partner',
      roles: [{ role: 'Administrator', domain: PARTNER_DOMAIN }],
    });
    const adminEmail = `admin-${seq + 1}@umbrella.example`;
    const id = newCustomer({
      name: 'Umbrella Care',
      adminEmail,
      administrators: [{ email: adminEmail, name: 'Ursula', controlHubRole: 'Full Administrator' }],
    });
    await bot.api('PUT', path(id), {
      sipAddressName: 'umbrella',
      confirmCountry: true,
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    await bot.api('POST', path(id, 'services-setup/submit'));
    clock.advanceMinutes(10);
    await bot.setupTick();
    const admins = (await bot.api('GET', path(id, 'admins'))).body;
    expect(admins.admins[0]).toMatchObject({
      controlHubRole: 'Full Administrator',
      connectRole: 'Connect Tenant Owner',
      activation: { state: 'waiting' },
    });
    const deadline = new Date(admins.admins[0].activation.deadline);
    expect(deadline.getTime()).toBe(addBusinessDays(clock.now(), 7).getTime());

    clock.set(new Date(addBusinessDays(deadline, -2).getTime() + 60_000).toISOString());
    await bot.setupTick();
    await bot.dispatch();
    expect(await connectEmailsAbout('Umbrella Care')).toEqual([`${adminEmail}: Activate your Webex Connect account for Umbrella Care by`]);

    clock.set(new Date(deadline.getTime() + 60_000).toISOString());
    await bot.setupTick();
    await bot.dispatch();
    expect((await connectEmailsAbout('Umbrella Care')).sort()).toEqual([
      `${adminEmail}: Activate your Webex Connect account for Umbrella Care by`,
      `${adminEmail}: Your Webex Connect account for Umbrella Care was not activated in time`,
      'pat@acme-partner.example: Umbrella Care: the administrator did not activate Webex Connect in time',
    ]);
  });

  it('records a Connect activation once (201, then 409), refuses strangers (400) and unknown customers (404), and sends no reminder after it', async () => {
    const adminEmail = `admin-${seq + 1}@hooli.example`;
    const id = newCustomer({
      name: 'Hooli Desk',
      adminEmail,
      administrators: [{ email: adminEmail, name: 'Hana', controlHubRole: 'Full Administrator' }],
    });
    await bot.api('PUT', path(id), {
      sipAddressName: 'hooli',
      confirmCountry: true,
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    await bot.api('POST', path(id, 'services-setup/submit'));
    clock.advanceMinutes(10);
    await bot.setupTick();
    const activation = async () => (await bot.api('GET', path(id, 'admins'))).body.admins[0].activation;
    const waiting = await activation();

    const stranger = await bot.api('POST', path(id, 'connect-activation'), { email: 'someone@hooli.example' });
    expect(stranger).toMatchObject({ status: 400, body: { fields: [{ field: 'email' }] } });
    expect((await bot.api('POST', path(id, 'connect-activation'), {})).status).toBe(400);
    expect(await bot.api('POST', path('no-such-customer', 'connect-activation'), { email: adminEmail })).toMatchObject({
      status: 404,
      body: { code: 'CUSTOMER_NOT_FOUND' },
    });
    expect((await bot.api('POST', path(id, 'connect-activation'), { email: adminEmail }, null)).status).toBe(401);
    expect(await activation()).toEqual(waiting);

    const recorded = await bot.api('POST', path(id, 'connect-activation'), { email: adminEmail.toUpperCase() });
    expect(recorded).toMatchObject({ status: 201, body: { email: adminEmail, customerName: 'Hooli Desk' } });
    expect(await activation()).toMatchObject({ state: 'activated', activatedAt: recorded.body.activatedAt });
    expect(await bot.api('POST', path(id, 'connect-activation'), { email: adminEmail })).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' },
    });

    clock.set(new Date(new Date(waiting.deadline).getTime() + 60_000).toISOString());
    await bot.setupTick();
    await bot.dispatch();
    expect(await connectEmailsAbout('Hooli Desk')).toEqual([]);
  });
});

/**
 * "to: subject" of each Connect activation email written so far that names `customer`
 * (subjects cut before the date); the order summary emailed on completion is not one.
 */
async function connectEmailsAbout(customer: string): Promise<string[]> {
  const files = (await readdir(bot.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const found: string[] = [];
  for (const f of files) {
    // Long headers are folded onto continuation lines.
    const raw = (await readFile(join(bot.outboxDir, f), 'utf8')).replace(/\r?\n[ \t]+/g, ' ');
    const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
    const to = /^To: (.*)$/m.exec(raw)?.[1] ?? '';
    if (subject.includes(customer) && subject.includes('Connect')) found.push(`${to}: ${subject.replace(/ by \d{4}-.*$/, ' by')}`);
  }
  return found;
}
