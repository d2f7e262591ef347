import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';
import { USAGE } from '../../../adapters/presenters/present-help';

let h: SlackE2E;
beforeAll(async () => {
  h = await startSlackE2E();
  await h.seedUsers();
  await h.seedOrder('ORD-S');
  await h.seedOrder('ORD-R');
  await h.seedOrder('ORD-C', [3]);
  await h.seedOrder('ORD-P', [3]);
}, 30_000);
afterAll(() => h?.stop());

/** Sends a command and returns the private reply the user sees. */
async function ask(user: (typeof U)[keyof typeof U], text: string) {
  const sent = await h.command(user, text);
  expect(sent.status).toBe(200);
  const { body } = await h.reply(sent.responseUrl);
  expect(body.response_type).toBe('ephemeral');
  return { body, text: visibleText(body) };
}

describe('/prov in Slack', () => {
  it('acks with an empty 200 and answers privately through the response_url afterwards', async () => {
    const sent = await h.command(U.alice, 'help');
    expect(sent).toMatchObject({ status: 200, body: '' });
    const { body } = await h.reply(sent.responseUrl);
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(typeof body.text).toBe('string');
  });

  it('shows the usage for help and for no words, and for an unknown verb what was wrong with a pointer to help', async () => {
    const help = await ask(U.alice, 'help');
    expect(help.text).toContain('provbot commands');
    // Every placeholder, escaped for mrkdwn (a raw < starts a Slack link or mention) and shown as typed.
    for (const usage of USAGE) expect(help.text).toContain(`/prov ${usage}`);
    expect(JSON.stringify(help.body.blocks)).not.toMatch(/<(order|line|new-email)>/);
    expect((await ask(U.bob, '')).text).toContain('/prov status <order>');
    const unknown = await ask(U.bob, 'frobnicate ORD-S');
    expect(unknown.text).toContain('I don\'t know "frobnicate".');
    expect(unknown.text).toContain('Type "/prov help" to see every command.');
    expect(unknown.text).not.toContain('/prov status <order>');
  });

  it('shows the placer every line of an order with status, contact and point of no return', async () => {
    const { text } = await ask(U.alice, 'status ORD-S');
    expect(text).toContain('Order ORD-S');
    for (const n of [1, 2, 3]) expect(text).toContain(`Line ${n}: Product ${n}`);
    expect(text).toContain('Awaiting Provisioning Details');
    expect(text).toContain('it2@customer.example');
    expect(text).toContain('not reached: resend and contact changes allowed');
  });

  it('identifies a user the directory knows only by email through users.info, once', async () => {
    const before = h.api.callsTo('users.info').length;
    expect((await ask(U.olive, 'status ORD-S')).text).toContain('Order ORD-S');
    const lookups = h.api.callsTo('users.info').slice(before);
    expect(lookups).toEqual([
      expect.objectContaining({ method: 'users.info', token: BOT_TOKEN, args: expect.objectContaining({ user: U.olive.id }) }),
    ]);
    expect((await ask(U.olive, 'status ORD-S')).text).toContain('Order ORD-S');
    expect(h.api.callsTo('users.info').length).toBe(before + 1);
  });

  it('resends the provisioning email for the placer and tells them the sender to allow and to check spam', async () => {
    const emailsBefore = (await h.emailsTo('it1@customer.example')).length;
    const { text } = await ask(U.alice, 'resend ORD-R 1');
    expect(text).toContain('Provisioning email resent for order ORD-R');
    // The reply comes as the email is queued; the outbox sends it right after.
    expect(text).toMatch(/Line 1: (sent|on its way) to it1@customer\.example/);
    expect(text).toContain('check the spam or junk folder');
    expect(text).toContain('allow the sender provbot@localhost');
    const { history } = await h.snapshot('ORD-R');
    expect(history[0]).toMatchObject({ kind: 'resend', lineNumber: 1, status: 'Sent', channel: 'slack', actor: { name: 'Alice Placer' } });
    expect((await h.emailsTo('it1@customer.example')).length).toBe(emailsBefore + 1);
  });

  it('changes the contact on all lines, skipping and reporting the line past the point of no return', async () => {
    // Slack may send a typed address as a mailto link; the command accepts it.
    const { text } = await ask(U.alice, 'contact ORD-C all <mailto:new.contact@customer.example|new.contact@customer.example>');
    expect(text).toContain('Provisioning contact of order ORD-C changed to new.contact@customer.example');
    expect(text).toMatch(
      /Line 1: was it1@customer\.example; (provisioning email sent to|the provisioning email to) new\.contact@customer\.example/,
    );
    expect(text).toContain('Skipped line 3: past the point of no return.');
    const { order } = await h.snapshot('ORD-C');
    expect(order.lines.map((l) => l.provisioningContactEmail)).toEqual([
      'new.contact@customer.example',
      'new.contact@customer.example',
      'it3@customer.example',
    ]);
    await h.bot.dispatch();
    expect((await h.emailsTo('new.contact@customer.example')).length).toBe(2);
  });

  it('explains a line past the point of no return with the admin portal, and changes nothing', async () => {
    const before = await h.snapshot('ORD-P');
    for (const words of ['resend ORD-P 3', 'contact ORD-P 3 other@customer.example']) {
      const { text } = await ask(U.alice, words);
      expect(text).toContain('Line 3 of order ORD-P is past the point of no return');
      expect(text).toContain('can complete the service setup by signing in at https://admin.webex.com');
    }
    expect(await h.snapshot('ORD-P')).toEqual(before);
  });

  it('answers an unknown order as one without access, names a missing line and a malformed email, and changes nothing', async () => {
    const before = await h.snapshot('ORD-P');
    const emails = (await h.emailsTo('it1@customer.example')).length;
    // Only someone who may act on every domain's orders learns that no order has that number.
    expect((await ask(U.alice, 'resend ORD-NOPE 1')).text).toContain(
      "You don't have access to this order, so I sent a request to the person who placed it.",
    );
    expect((await ask(U.alice, 'status ORD-NOPE')).text).toContain("You can't see order ORD-NOPE: you have no access to it.");
    expect((await ask(U.alice, 'resend ORD-P 9')).text).toContain('Order ORD-P has no line 9; its lines are 1, 2, 3.');
    expect((await ask(U.alice, 'contact ORD-P 9 a@customer.example')).text).toContain('Order ORD-P has no line 9');
    expect((await ask(U.alice, 'resend ORD-P two')).text).toContain('"two" is not a valid line');
    const bad = await ask(U.alice, 'contact ORD-P 1 not-an-email');
    expect(bad.text).toContain('"not-an-email" is not a valid email: must be an email address.');
    expect(await h.snapshot('ORD-P')).toEqual(before);
    await expect(h.core.getOrder('ORD-NOPE')).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await h.emailsTo('it1@customer.example')).length).toBe(emails);
  });

  it('refuses to show an order to someone without access, naming neither its placer nor its domain', async () => {
    const { text } = await ask(U.bob, 'status ORD-S');
    expect(text).toContain("You can't see order ORD-S: you have no access to it.");
    expect(text).not.toMatch(/Alice|acme/i);
  });
});
