import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { dayFrom } from '../../fakes/test-dates';
import { openRawTables } from '../../integration/db/raw-rows';

const SUPPORT = 'provisioning-support@cisco.example';
let smtp: SmtpTestServer;
let bot: TestBot;
let orders = 0;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  bot = await startTestBot({ SMTP_URL: smtp.url, SUPPORT_EMAIL: SUPPORT });
});
afterAll(async () => {
  await bot?.stop();
  await smtp?.stop();
});

async function anOrder(): Promise<string> {
  const number = `API-CASE-${++orders}`;
  expect((await bot.api('POST', '/api/orders', orderIntake({ number, requestedStartDate: dayFrom(bot.clock, -1) }))).status).toBe(201);
  await bot.dispatch();
  return number;
}

/** Rows that a case would add, read past the repositories. */
async function counts() {
  const raw = openRawTables(bot.databaseUrl);
  try {
    return { cases: await raw.count('support_cases'), deliveries: await raw.count('deliveries') };
  } finally {
    await raw.close();
  }
}

describe('POST /api/orders/{n}/cases', () => {
  it('opens a case and answers 201 with it; support receives the email', async () => {
    const number = await anOrder();
    const res = await bot.api('POST', `/api/orders/${number}/cases`, {
      lines: [1],
      description: 'The customer never received the provisioning email.',
      requestType: 'resend',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'case-opened',
      supportCase: {
        number: expect.stringMatching(/^CASE-\d+$/),
        orderNumber: number,
        lineNumbers: [1],
        requestType: 'resend',
        sentTo: SUPPORT,
      },
    });
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(SUPPORT) && !!m.headers.subject?.includes(number), 10_000);
    expect(mail.headers.subject).toBe(`${res.body.supportCase.number}: Resend Provisioning Email, order ${number}`);
  });

  it('answers 400 naming the field for bad input, 404 for an unknown order, and records nothing', async () => {
    const number = await anOrder();
    const before = await counts();
    const post = (body: unknown, n = number) => bot.api('POST', `/api/orders/${n}/cases`, body);

    const empty = await post({ description: ' ', requestType: 'resend' });
    expect(empty).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'description' }] } } });
    const long = await post({ description: 'x'.repeat(2001), requestType: 'resend' });
    expect(long).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'description' }] } } });
    const untyped = await post({ description: 'help' });
    expect(untyped).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'requestType' }] } } });
    const shape = await post({ lines: 'one', description: 'help' });
    expect(shape).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'lines' }] } } });
    expect(await post({ lines: [5], description: 'help', requestType: 'resend' })).toMatchObject({
      status: 404,
      body: { code: 'LINE_NOT_FOUND' },
    });
    expect(await post({ description: 'help', requestType: 'resend' }, 'API-NOPE')).toMatchObject({
      status: 404,
      body: { code: 'ORDER_NOT_FOUND' },
    });
    expect((await bot.api('POST', `/api/orders/${number}/cases`, { description: 'x', requestType: 'resend' }, null)).status).toBe(401);

    expect(await counts()).toEqual(before);
  });
});
