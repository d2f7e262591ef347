import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedMessage } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { FixedClock } from '../../fakes/fixed-clock';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { ANN, DOMAIN, eventually, placeWorkOrder, setUpApprovals } from './approval-orders';
import { outboxTable } from './outbox-table';

/**
 * "Escalation Window ... triggers the system to send out an email to the system
 * administrators after the time specified if no action was taken for the triggering
 * event (for example, order approvals)." Windows are whole minutes: the bot's clock is
 * driven across the minute and the notification tick run by hand, and one short test
 * lets the real one-second schedule find an escalation due on its own.
 */
const PUBLIC_URL = 'https://provbot.example';
const ADMIN = { email: 'olive.admin@acme.example', name: 'Olive Admin', roles: [{ role: 'Administrator', domain: '*' }] };
const WINDOW_MS = 60_000;

let smtp: SmtpTestServer;
let bot: TestBot;
let clock: FixedClock;

/** A bot on a clock of the test's own, its domain's Approval group escalating after one minute. */
async function startEscalatingBot(env: Record<string, string> = {}): Promise<void> {
  clock = new FixedClock(new Date());
  bot = await startTestBot({ SMTP_URL: smtp.url, PUBLIC_URL, LINK_SECRET: 'escalation-e2e-link-secret-0123456789ab', ...env }, { clock });
  await setUpApprovals(bot.api, [ANN, ADMIN]);
  // Set as an administrator would: the domain's Approval group, escalation window 1 minute.
  const shown = (await bot.api('GET', `/api/notifications/domains/${DOMAIN}`)).body;
  const groups = { ...shown.groups, Approval: { ...shown.groups.Approval, escalationMinutes: 1 } };
  const saved = await bot.api('PUT', `/api/notifications/domains/${DOMAIN}`, { ...shown, groups });
  expect(saved).toMatchObject({ status: 200, body: { groups: { Approval: { escalationMinutes: 1 } } } });
}

beforeEach(async () => {
  smtp = await startSmtpTestServer();
});
afterEach(async () => {
  await bot?.stop();
  await smtp?.stop();
});

const to = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
const about = (number: string) => (m: ReceivedMessage) => m.headers['x-provbot-order'] === number;
const escalations = () => smtp.messages.filter((m) => m.headers['x-provbot-kind'] === 'escalation');

/** Follows the email's Approve link as Ann would, confirming on the page. */
async function approveByEmail(email: ReceivedMessage): Promise<void> {
  const link = /Approve: (\S+)/.exec(email.text ?? '')?.[1];
  expect(link?.startsWith(`${PUBLIC_URL}/links/activity/`)).toBe(true);
  const res = await fetch(`${bot.url}${new URL(link!).pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'confirm=yes',
  });
  expect(res.status).toBe(200);
}

describe('escalation window of one minute, through the real bot (SQLite)', () => {
  it('escalates the approval nobody acted on to the administrator once, at the minute; the one decided in time never', async () => {
    await startEscalatingBot();
    const ignored = await placeWorkOrder(bot.api);
    const decided = await placeWorkOrder(bot.api);
    const decidedEmail = await eventually(() => to(ANN.email).find(about(decided)), `Ann's approval email for ${decided}`);
    await approveByEmail(decidedEmail);
    expect((await bot.api('GET', `/api/work-orders/${decided}`)).body.order.state).toBe('Completed');

    clock.advanceMs(WINDOW_MS - 1);
    await bot.notifyTick();
    expect(to(ADMIN.email)).toEqual([]);

    clock.advanceMs(1);
    await bot.notifyTick();
    const escalation = await eventually(() => to(ADMIN.email)[0], 'the escalation email');
    expect(escalation.headers).toMatchObject({ 'x-provbot-kind': 'escalation', 'x-provbot-order': ignored });
    expect(escalation.headers.subject).toBe(`Escalated: Approval needed: order ${ignored} (Add Phone for Jane Doe (jdoe))`);

    // Later ticks: still one, and none about the order decided in time.
    clock.advanceMinutes(5);
    await bot.notifyTick();
    await bot.notifyTick();
    expect(to(ADMIN.email)).toHaveLength(1);
    expect(escalations()).toHaveLength(1);
    const table = outboxTable(bot.databaseUrl);
    expect(await table.escalationsLeft()).toBe(0);
    const states = await table.states();
    expect(states.pending ?? 0).toBe(0);
    expect(states.dead ?? 0).toBe(0);
  });

  it('is found by the notification schedule on its own, each second, once the window is over', async () => {
    await startEscalatingBot({ NOTIFY_SCHEDULE: '* * * * * *' });
    const ignored = await placeWorkOrder(bot.api);
    await eventually(() => to(ANN.email).find(about(ignored)), `Ann's approval email for ${ignored}`);
    expect(escalations()).toEqual([]);

    clock.advanceMs(WINDOW_MS);
    const escalation = await eventually(() => to(ADMIN.email)[0], 'the escalation email, sent by the scheduled tick', 5_000);
    expect(escalation.headers).toMatchObject({ 'x-provbot-kind': 'escalation', 'x-provbot-order': ignored });
  });
});
