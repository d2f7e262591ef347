import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerForSetup } from '../../fixtures/customers-for-setup';
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
      [{ colour: 'blue' }, 'body'],
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
});
