import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, refreshActivity, rosterEntry } from '../../fakes/bot-activities';
import type { TeamsTestUser } from '../../fakes/bot-activities';
import type { ConnectorCall } from '../../fakes/recording-bot-connector';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardOf, cardText, clickData, inputsOf, verbsOf } from './teams-e2e-helpers';
import { ABE, ANNA, DOMAIN, JANE, OTTO, SAM } from './workflow-people';

/**
 * The order workflow in Teams against the running bot: orders placed through the API
 * reach approvers and assignees as activity cards in their personal chats, refreshed
 * per viewer; clicks go through the core, which authorizes every one of them.
 */
describe('Teams activity cards against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const chatOf = (u: TeamsTestUser) => personalChat(bot.connector.url, u);
  const placeWorkOrder = async () => {
    const res = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: JANE.login,
      orderable: 'Enhanced Phone Service',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(res.status).toBe(201);
    return res.body.order.number as string;
  };
  const workOrder = async (number: string) => (await bot.api('GET', `/api/work-orders/${number}`)).body;
  /** The activity card the bot posted to `user`'s personal chat for order `number`. */
  const cardIn = async (user: TeamsTestUser, number: string, kind = 'Approval'): Promise<{ posted: ConnectorCall; card: any }> => {
    const posted = await bot.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === chatOf(user).conversationId &&
        c.activityId === null &&
        cardText(cardOf(c)).startsWith(`${kind} needed: ${number}`),
    );
    return { posted, card: cardOf(posted) };
  };
  const press = (user: TeamsTestUser, card: any, posted: ConnectorCall, verb: string, typed: Record<string, string> = {}) =>
    click(bot, chatOf(user), user, { verb, data: clickData(card, verb, typed), replyToId: posted.reply.id });

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [ANNA, ABE, SAM, OTTO].map(rosterEntry) });
    const users = [
      { ...ANNA, roles: [{ role: 'Approval', domain: DOMAIN }] },
      { ...ABE, roles: [{ role: 'Approval', domain: DOMAIN }] },
      { ...SAM, roles: [{ role: 'Assignment', domain: DOMAIN }] },
      { ...OTTO, roles: [{ role: 'Ordering', domain: DOMAIN }] },
    ];
    for (const u of users) expect((await bot.api('POST', '/api/users', { email: u.email, name: u.name, roles: u.roles })).status).toBe(200);
    expect((await bot.api('POST', '/api/subscribers', JANE)).status).toBe(201);
    const rules = { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' } };
    expect((await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, rules)).status).toBe(200);
    // Anna, Sam and Otto have talked to the bot: that is how it learns to reach them. Abe never has.
    for (const u of [ANNA, SAM, OTTO]) await say(bot, chatOf(u), u, 'help');
  });
  afterAll(() => bot?.stop());

  it("posts the approval to each approver's personal chat it can reach, refreshed for that approver", async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    expectValidCard(card);
    expect(posted.activityId).toBeNull(); // a new message, not a reply
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'activity.refresh', data: { activityId: expect.any(String) } },
      userIds: [ANNA.id],
    });
    expect(verbsOf(card)).toEqual(['activity.approve', 'activity.reject', 'activity.accept', 'activity.delegate']);
    expect(cardText(card)).toContain('Subscriber: Jane Doe (jdoe)');
    expect(bot.connector.calls.some((c) => c.conversationId === chatOf(ABE).conversationId)).toBe(false);
  });

  it('answers the refresh with the buttons of the approver, and with none for someone else', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    const mine = await bot.post(refreshActivity(chatOf(ANNA), ANNA, card, posted.reply.id));
    expect(mine).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' } });
    expectValidCard(mine.body.value);
    expect(verbsOf(mine.body.value)).toEqual(['activity.approve', 'activity.reject', 'activity.accept', 'activity.delegate']);
    expect(mine.body.value.refresh.userIds).toEqual([ANNA.id]);

    const others = await bot.post(refreshActivity(chatOf(OTTO), OTTO, card, posted.reply.id));
    expectValidCard(others.body.value);
    expect(verbsOf(others.body.value)).toEqual([]);
    expect(cardText(others.body.value)).toContain('you can see it but not act on it');
  });

  it('records an Approve, updates the card in place and posts the next activity to its assignee', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    const mark = bot.connector.calls.length;
    const res = await press(ANNA, card, posted, 'activity.approve');
    expect(res.status).toBe(200);
    expectValidCard(res.body.value);
    expect(cardText(res.body.value)).toMatch(/^Approved by Anna Approver at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(verbsOf(res.body.value)).toEqual([]);

    const { order, activities } = await workOrder(number);
    expect(order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
    expect(activities[0]).toMatchObject({ kind: 'Approval', status: 'Done', decidedBy: { name: 'Anna Approver', channel: 'teams' } });

    const update = await bot.connector.waitFor((c) => bot.connector.calls.indexOf(c) >= mark && c.method === 'PUT');
    expect(update).toMatchObject({ conversationId: chatOf(ANNA).conversationId, activityId: posted.reply.id });
    expect(cardText(cardOf(update))).toMatch(/^Approved by Anna Approver/);
    expect(cardOf(update).actions).toBeUndefined();
    expect(cardOf(update).refresh).toBeUndefined();

    const next = await cardIn(SAM, number, 'Assignment');
    expectValidCard(next.card);
    expect(next.card.refresh.userIds).toEqual([SAM.id]);
    expect(verbsOf(next.card)).toEqual(['activity.complete', 'activity.accept', 'activity.delegate']);
    expect(inputsOf(next.card).macAddress).toMatchObject({ type: 'Input.Text', isRequired: true });
  });

  it('refuses a click by someone without the role, says why, and changes nothing', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    const before = await workOrder(number);
    const res = await press(OTTO, card, posted, 'activity.approve');
    expect(res.status).toBe(200);
    expectValidCard(res.body.value);
    expect(cardText(res.body.value)).toContain("You can't act on this Approval: it is not assigned to you.");
    expect(verbsOf(res.body.value)).toEqual([]);
    expect(await workOrder(number)).toEqual(before);
  });

  it('answers a second click on a decided activity with who decided it, and changes nothing', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    await press(ANNA, card, posted, 'activity.approve');
    const before = await workOrder(number);
    const res = await press(ANNA, card, posted, 'activity.reject');
    expectValidCard(res.body.value);
    expect(res.body.value.body[0]).toMatchObject({ color: 'Attention' }); // the refusal, above the card
    expect(cardText(res.body.value)).toMatch(/approved by Anna Approver at \d{4}-\d\d-\d\d \d\d:\d\d UTC/i);
    expect(verbsOf(res.body.value)).toEqual([]);
    expect(await workOrder(number)).toEqual(before);
  });

  it('refuses a click on a card older than the order, and shows the card as it stands now', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    await press(ANNA, card, posted, 'activity.accept');
    const before = await workOrder(number);
    const res = await press(ANNA, card, posted, 'activity.approve');
    expectValidCard(res.body.value);
    expect(cardText(res.body.value)).toContain(`This card is out of date: order ${number} has changed since. Here it is as it stands now.`);
    expect(cardText(res.body.value)).toContain('Accepted by: Anna Approver');
    expect(verbsOf(res.body.value)).toEqual(['activity.approve', 'activity.reject', 'activity.decline', 'activity.delegate']);
    expect(await workOrder(number)).toEqual(before);
  });

  it('shows a refused MAC address under its input with what was typed, then completes the Assignment with a good one', async () => {
    const number = await placeWorkOrder();
    const approval = await cardIn(ANNA, number);
    await press(ANNA, approval.card, approval.posted, 'activity.approve');
    const { posted, card } = await cardIn(SAM, number, 'Assignment');
    const before = await workOrder(number);

    const bad = await press(SAM, card, posted, 'activity.complete', { macAddress: '00AABBCCDDE' });
    expectValidCard(bad.body.value);
    const input = inputsOf(bad.body.value).macAddress;
    expect(input.value).toBe('00AABBCCDDE');
    const open = bad.body.value.body.find((e: any) => e.type === 'Container' && e.items.includes(input));
    expect(open.items[1]).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
      text: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.',
    });
    expect(verbsOf(bad.body.value)).toContain('activity.complete');
    expect(await workOrder(number)).toEqual(before);

    const good = await press(SAM, bad.body.value, posted, 'activity.complete', { macAddress: '00aabbccddee' });
    expectValidCard(good.body.value);
    expect(cardText(good.body.value)).toMatch(/^Completed by Sam Assigner at /);
    expect(cardText(good.body.value)).toContain('MAC address: 00AABBCCDDEE');
    const { order, activities } = await workOrder(number);
    expect(order.state).toBe('Completed');
    expect(activities[1]).toMatchObject({ kind: 'Assignment', status: 'Done', macAddress: '00AABBCCDDEE' });
  });

  it('delegates to a person typed into the Delegate input, and says what it cannot read', async () => {
    const number = await placeWorkOrder();
    const { posted, card } = await cardIn(ANNA, number);
    const before = await workOrder(number);
    const unreadable = await press(ANNA, card, posted, 'activity.delegate', { delegateTo: 'the night shift' });
    expect(inputsOf(unreadable.body.value).delegateTo.value).toBe('the night shift');
    expect(cardText(unreadable.body.value)).toContain('"the night shift" is neither an email address nor a group');
    expect(await workOrder(number)).toEqual(before);

    const res = await press(ANNA, card, posted, 'activity.delegate', { delegateTo: ABE.email });
    expectValidCard(res.body.value);
    expect(cardText(res.body.value)).toContain(`Assigned to: Abe Approver (${ABE.email})`);
    const { activities } = await workOrder(number);
    expect(activities[0]).toMatchObject({ kind: 'Approval', status: 'Open', assignee: { kind: 'user', email: ABE.email } });
  });

  it('lists what waits for the approver when she types `activities`, with the buttons of the pushed card: approving takes one click', async () => {
    const number = await placeWorkOrder();
    const list = await say(bot, chatOf(ANNA), ANNA, 'activities');
    expectValidCard(list);
    expect(cardText(list)).toContain(`Approval: ${number}`);
    const reply = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chatOf(ANNA).conversationId).at(-1)!;
    const section = list.body.find((e: any) => e.type === 'Container' && JSON.stringify(e).includes(`Approval: ${number}`));
    const buttons = section.items.find((e: any) => e.type === 'ActionSet').actions;
    expect(buttons.map((a: any) => a.title)).toEqual(['Approve', 'Reject order', 'Accept', 'Delegate']);
    const approve = buttons[0];
    const res = await click(bot, chatOf(ANNA), ANNA, { verb: approve.verb, data: approve.data, replyToId: reply.reply.id });
    expectValidCard(res.body.value);
    expect(cardText(res.body.value)).toContain('Approved by Anna Approver');
  });
});
