import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/index';
import { utcDay } from '../../../core/index';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { orderIntake } from '../../fixtures/orders';
import { eventually, sleep } from './approval-orders';

/**
 * Access requests and provisioning emails through the outbox of the real bot: a mail
 * server or Slack that is away delays them, and each arrives once when it is back.
 */
const ALICE = { email: 'alice@acme-partner.example', name: 'Alice Placer', slackUserId: 'UALICE', roles: [] };
const BOB = { email: 'bob@other-partner.example', name: 'Bob Outsider', slackUserId: 'UBOB', roles: [] };
let smtp: SmtpTestServer;
let slackApi: RecordingSlackApi;
let bot: TestBot;
let orders = 0;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  slackApi = await RecordingSlackApi.start();
  bot = await startTestBot({
    SMTP_URL: smtp.url,
    DELIVERY_RETRY_BASE_MS: '100',
    SLACK_SIGNING_SECRET: 'delivery-e2e-signing-secret-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-delivery-e2e',
    SLACK_API_URL: `${slackApi.url}/api/`,
  });
  for (const person of [ALICE, BOB]) expect((await bot.api('POST', '/api/users', person)).status).toBeLessThan(300);
});
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
  await smtp?.stop();
});

const slackActor = (u: typeof ALICE): Promise<Actor> =>
  bot.core.identifyChatUser({ platform: 'slack', platformUserId: u.slackUserId, name: u.name, lookupEmail: async () => u.email });
/** An order Alice placed, its initial emails already out. */
async function aliceOrder(): Promise<string> {
  const number = `ORD-OUT-${++orders}`;
  const yesterday = utcDay(new Date(Date.now() - 86_400_000));
  await bot.core.intakeOrder(orderIntake({ number, requestedStartDate: yesterday, placedBy: { email: ALICE.email, name: ALICE.name } }));
  await bot.dispatch();
  return number;
}
const history = async (number: string) =>
  (await bot.core.getOrderHistory({ actor: await slackActor(ALICE), orderNumber: number })).transactions;
/** The subject of the access request email about `number`: the other test's request emails Alice too. */
const asksAbout = (number: string) => new RegExp(`^Approval needed: .* asks about order ${number}$`);
const mailsTo = (to: string, subject: RegExp) =>
  smtp.messages.filter((m) => m.envelope.to.includes(to) && subject.test(m.headers.subject ?? ''));

describe('notices of access requests and provisioning emails through the outbox (real bot, SQLite)', () => {
  it('SMTP down, then up: a resent provisioning email and an access request email arrive once each; history goes Pending → Sent', {
    timeout: 30_000,
  }, async () => {
    const number = await aliceOrder();
    const initial = mailsTo('it@customer.example', new RegExp(number)).length;
    await smtp.pause();

    const resent = await bot.core.resendProvisioningEmail({ actor: await slackActor(ALICE), orderNumber: number, lines: [1] });
    expect(resent).toMatchObject({ kind: 'resent', attempts: [{ lineNumber: 1, status: 'Pending' }] });
    const asked = await bot.core.resendProvisioningEmail({ actor: await slackActor(BOB), orderNumber: number, lines: [2] });
    expect(asked).toMatchObject({ kind: 'access-requested', state: 'sent' });
    await sleep(800); // several retries with the server away
    expect((await history(number))[0]).toMatchObject({ kind: 'resend', lineNumber: 1, status: 'Pending' });
    expect(mailsTo(ALICE.email, asksAbout(number))).toEqual([]);

    await smtp.resume();
    await eventually(
      () => mailsTo(ALICE.email, asksAbout(number)).length > 0 && mailsTo('it@customer.example', new RegExp(number)).length > initial,
      'both emails after the server is back',
      15_000,
    );
    await eventually(async () => (await history(number))[0]?.status === 'Sent', 'history Sent');
    await sleep(500);
    await bot.notifyTick();
    expect(mailsTo(ALICE.email, asksAbout(number))).toHaveLength(1);
    expect(mailsTo('it@customer.example', new RegExp(number))).toHaveLength(initial + 1);
    expect((await history(number))[0]).toMatchObject({ kind: 'resend', lineNumber: 1, status: 'Sent', error: null });
  });

  it('the Slack API failing, then OK: the access request DM arrives once', { timeout: 30_000 }, async () => {
    const number = await aliceOrder();
    slackApi.failing.set('chat.postMessage', 'internal_error');
    try {
      await bot.core.resendProvisioningEmail({ actor: await slackActor(BOB), orderNumber: number, lines: [1] });
      await eventually(
        () => slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === ALICE.slackUserId && !c.answer.ok).length >= 2,
        'two refused attempts',
      );
    } finally {
      slackApi.failing.delete('chat.postMessage');
    }
    const posted = () =>
      slackApi
        .callsTo('chat.postMessage')
        .filter((c) => c.answer.ok && c.args.channel === ALICE.slackUserId && String(c.args.text).includes(number));
    await eventually(() => posted().length > 0, 'the DM once Slack is back', 15_000);
    await sleep(500);
    await bot.notifyTick();
    expect(posted()).toHaveLength(1);
  });
});
