import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { dayFrom } from '../../fakes/test-dates';
import { say } from './conversation';
import { startTeamsBot } from './teams-bot';
import { auditor, cardText } from './teams-e2e-helpers';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const SUPPORT = 'provisioning-support@cisco.example';

describe('case in Teams against the running bot', () => {
  let smtp: SmtpTestServer;
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  let orders = 0;
  const alice = () => personalChat(bot.connector.url, ALICE);
  /** An order Alice placed yesterday, its initial emails out. */
  const anOrder = async () => {
    const number = `ORD-TC-${++orders}`;
    await bot.core.intakeOrder(orderIntake({ number, requestedStartDate: dayFrom(bot.clock, -1) }));
    await bot.dispatch();
    return number;
  };
  const casesOf = async (number: string) => (await bot.core.getOrderHistory({ actor: auditor(ALICE.email), orderNumber: number })).cases;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    bot = await startTeamsBot({ roster: [rosterEntry(ALICE)], env: { SMTP_URL: smtp.url, SUPPORT_EMAIL: SUPPORT } });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
  });
  afterAll(async () => {
    await bot?.stop();
    await smtp?.stop();
  });

  it('opens a case typed to the bot and support receives it; with no line it covers every line', async () => {
    const number = await anOrder();
    await say(bot, alice(), ALICE, `contact ${number} 1 new.admin@customer.example`);

    const text = cardText(await say(bot, alice(), ALICE, `case ${number} The new contact got nothing and the edit button is greyed out.`));

    expect(text).toMatch(new RegExp(`Support case CASE-\\d+ opened for order ${number}`));
    expect(text).toContain('Change Provisioning Contact Email');
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(SUPPORT) && !!m.headers.subject?.includes(number), 10_000);
    expect(mail.headers.subject).toContain('Change Provisioning Contact Email');
    expect(mail.text).toContain('provisioning contact new.admin@customer.example');
    expect(mail.text).toContain('Line 2 (Webex Meetings)');
    expect(mail.text).toContain('Provisioning email update · line 1');
    expect(cardText(await say(bot, alice(), ALICE, `history ${number}`))).toMatch(/Support case CASE-\d+ · lines 1, 2/);
  });

  it('shows the placeholders of its usage in Teams and records nothing for control characters', async () => {
    const number = await anOrder();
    const text = cardText(await say(bot, alice(), ALICE, `case ${number} 1 resend broken\u0007`));
    expect(text).toContain('Description: Must not contain control characters other than line breaks and tabs.');
    expect(text).toContain('case <order> [<line>] [resend|contact] <what happened>');
    expect(await casesOf(number)).toEqual([]);
  });
});
