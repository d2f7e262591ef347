import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import type { TeamsTestUser } from '../../fakes/bot-activities';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardOf, cardText, clickData } from './teams-e2e-helpers';
import { ABE, ANNA, DOMAIN, OTTO } from './workflow-people';

/**
 * "Its Administrators create templates and customers ...; anyone else gets the same
 * access-request treatment as the partner flows (the request goes to the domain's
 * administrators)": Otto (Ordering) submits the template card, Anna and Abe
 * (Administrators) each get the request, Anna approves.
 */
describe('a non-administrator creating a template in Teams', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const chat = (u: TeamsTestUser) => personalChat(bot.connector.url, u);
  const templateNames = async () => ((await bot.api('GET', '/api/templates')).body as { name: string }[]).map((t) => t.name);
  /** Waits for a message the bot posts in `u`'s chat, after the first `skip` connector calls, whose body contains `text`. */
  const postTo = (u: TeamsTestUser, skip: number, text: string) =>
    bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= skip &&
        c.method === 'POST' &&
        c.conversationId === chat(u).conversationId &&
        c.body?.type === 'message' &&
        JSON.stringify(c.body).includes(text),
    );
  const template = {
    name: 'Otto asks',
    subscriptionId: 'Sub-200',
    authenticationMethod: 'webex',
    language: 'en_US',
    timezone: 'Europe/Paris',
    packages: 'webex_meetings',
  };

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [ANNA, ABE, OTTO].map(rosterEntry) });
    for (const [u, role] of [
      [ANNA, 'Administrator'],
      [ABE, 'Administrator'],
      [OTTO, 'Ordering'],
    ] as const) {
      expect(
        (await bot.api('POST', '/api/users', { email: u.email, name: u.name, roles: [{ role, domain: DOMAIN }] })).status,
      ).toBeLessThan(300);
    }
    // Each administrator has talked to the bot once, so it can reach them in their personal chat.
    for (const u of [ANNA, ABE]) await say(bot, chat(u), u, 'help');
  });
  afterAll(() => bot?.stop());

  it('asks both administrators; Anna approves, the template is made, Otto is told, and Abe’s card shows who decided', async () => {
    const seen = bot.connector.calls.length;
    await say(bot, chat(OTTO), OTTO, 'template create');
    const form = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat(OTTO).conversationId).at(-1)!;
    // A member may review the template (Next); Submit on the review is what asks the administrators.
    const review = (await click(bot, chat(OTTO), OTTO, { verb: 'onboarding.template.submit', data: template, replyToId: form.reply.id }))
      .body.value;
    expect(await templateNames()).not.toContain('Otto asks');
    // Before pressing it, Otto sees that the button asks, and whom.
    expectValidCard(review);
    expect(review.actions.find((a: { verb: string }) => a.verb === 'onboarding.template.create')?.title).toBe('Ask the administrators');
    expect(cardText(review)).toContain(
      `You don't hold the Administrator role in ${DOMAIN}: this sends your template to its administrators (Abe Approver, Anna Approver), and I'll tell you their answer.`,
    );
    const submit = { verb: 'onboarding.template.create', data: clickData(review, 'onboarding.template.create'), replyToId: form.reply.id };
    const answer = await click(bot, chat(OTTO), OTTO, submit);
    expect(cardText(answer.body.value)).toContain(
      `You need the Administrator role in ${DOMAIN} to create onboarding templates in ${DOMAIN}; I've asked its administrators (Abe Approver, Anna Approver)`,
    );
    expect(await templateNames()).not.toContain('Otto asks');

    const [toAnna, toAbe] = [await postTo(ANNA, seen, 'access.approve'), await postTo(ABE, seen, 'access.approve')];
    expect(cardText(cardOf(toAbe))).toContain('Otto Orderer (otto@acme.example) asks to create the onboarding template Otto asks');
    const requestId = cardOf(toAnna).actions[0].data.requestId;

    const approved = await click(bot, chat(ANNA), ANNA, { verb: 'access.approve', data: { requestId }, replyToId: toAnna.reply.id });
    expect(approved.status).toBe(200);
    expect(await templateNames()).toContain('Otto asks');

    const told = await postTo(OTTO, seen, 'approved your request');
    expect(cardText(cardOf(told))).toContain('Anna Approver approved your request to create the onboarding template Otto asks');
    expect(cardText(cardOf(told))).toContain('Onboarding template Otto asks created');
    const abeCopy = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === toAbe.reply.id);
    expect(cardText(cardOf(abeCopy))).toMatch(/^Approved by Anna Approver/);
    expect(JSON.stringify(abeCopy.body)).not.toContain('access.approve');
  });
});
