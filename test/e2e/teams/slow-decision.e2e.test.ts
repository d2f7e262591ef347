import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { click, say } from './conversation';
import { startInMemoryTeamsBot } from './in-memory-teams-bot';
import { API_ACTOR } from '../../../adapters/api/api-actor';
import { cardOf, cardText, clickData, verbsOf } from './teams-e2e-helpers';
import { dayFrom } from '../../fakes/test-dates';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const BOB = teamsUser('bob', 'Bob Outsider', 'bob@other-partner.example');

/**
 * Teams waits about 5 s for an invoke. An approval whose action is slow must still be
 * answered in time, and the card must end up showing the result. A slow repository
 * needs the in-memory core.
 */
describe('a card action slower than the invoke budget', () => {
  let bot: Awaited<ReturnType<typeof startInMemoryTeamsBot>>;
  beforeAll(async () => {
    bot = await startInMemoryTeamsBot({ roster: [ALICE, BOB].map(rosterEntry), invokeBudgetMs: 300 });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
    await bot.core.intakeOrder(orderIntake({ number: 'ORD-1', requestedStartDate: dayFrom(bot.clock, -1) }));
  });
  afterAll(() => bot?.stop());

  it('is answered with a holding card in time, and the card is replaced with the result when done', async () => {
    await say(bot, personalChat(bot.connector.url, ALICE), ALICE, 'help');
    await say(bot, personalChat(bot.connector.url, BOB), BOB, 'resend ORD-1 1');
    const posted = await bot.connector.waitFor(
      (c) => c.method === 'POST' && c.body?.type === 'message' && JSON.stringify(c.body).includes('access.approve'),
    );
    const requestId = cardOf(posted).actions[0].data.requestId;

    // The approved action is slow to record its outcome (its email no longer slows it: the outbox sends that after).
    const setOutcome = bot.accessRequests.setOutcome.bind(bot.accessRequests);
    bot.accessRequests.setOutcome = async (...args) => {
      await new Promise((r) => setTimeout(r, 1500));
      return setOutcome(...args);
    };
    const started = Date.now();
    const res = await click(bot, personalChat(bot.connector.url, ALICE), ALICE, {
      verb: 'access.approve',
      data: { requestId },
      replyToId: posted.reply.id,
    });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(cardText(res.body.value)).toContain('Approving…');
    expect(cardText(res.body.value)).toContain('This card shows the result as soon as it is done.');

    const update = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === posted.reply.id, 5000);
    expect(cardText(cardOf(update))).toMatch(/^Approved by Alice Placer/);
    expect(cardText(cardOf(update))).toContain('Line 1: on its way to it@customer.example');
    expect(bot.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('an activity click slower than the invoke budget', () => {
  const ANNA = teamsUser('anna', 'Anna Approver', 'anna@acme.example');
  const DOMAIN = 'acme.example';
  let bot: Awaited<ReturnType<typeof startInMemoryTeamsBot>>;
  beforeAll(async () => {
    bot = await startInMemoryTeamsBot({ roster: [rosterEntry(ANNA)], invokeBudgetMs: 300 });
    await bot.core.registerUser({ email: ANNA.email, name: ANNA.name, roles: [{ role: 'Approval', domain: DOMAIN }] });
    await bot.core.registerUser({ email: 'sam@acme.example', name: 'Sam Assigner', roles: [{ role: 'Assignment', domain: DOMAIN }] });
    await bot.core.registerSubscriber({
      actor: API_ACTOR,
      subscriber: { login: 'jdoe', domain: DOMAIN, firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@acme.example' },
    });
    await bot.core.setDomainRules({
      actor: API_ACTOR,
      domain: DOMAIN,
      changes: { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' } },
    });
    await say(bot, personalChat(bot.connector.url, ANNA), ANNA, 'help');
  });
  afterAll(() => bot?.stop());

  it('is answered with a holding card in time, and the clicker’s card shows the decision when it is done', async () => {
    const placed = await bot.core.placeWorkOrder({
      actor: API_ACTOR,
      origin: 'api',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    const posted = await bot.connector.waitFor(
      (c) => c.method === 'POST' && c.body?.type === 'message' && cardText(cardOf(c)).startsWith(`Approval needed: ${placed.order.number}`),
    );
    // The database is slow to write the decision (notices no longer slow a click: the outbox sends them after).
    const commit = bot.workOrders.commit.bind(bot.workOrders);
    bot.workOrders.commit = async (change) => {
      await new Promise((r) => setTimeout(r, 1500));
      return commit(change);
    };
    const started = Date.now();
    const res = await click(bot, personalChat(bot.connector.url, ANNA), ANNA, {
      verb: 'activity.approve',
      data: clickData(cardOf(posted), 'activity.approve'),
      replyToId: posted.reply.id,
    });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(cardText(res.body.value)).toContain('Approving…');
    expect(verbsOf(res.body.value)).toEqual([]);

    const puts = () => bot.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === posted.reply.id);
    await bot.connector.waitFor(() => puts().length >= 2, 5000);
    const last = cardOf(puts().at(-1)!);
    expect(cardText(last)).toMatch(/^Approved by Anna Approver/);
    expect(verbsOf(last)).toEqual([]);
    expect(bot.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
