import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardOf, cardText, inputsOf, verbsOf } from './teams-e2e-helpers';
import { ANNA, DOMAIN, JANE, OTTO } from './workflow-people';

/** `order` typed to the bot: the form card, its Place order invoke, and what comes back. */
describe('the order form card against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const otto = () => personalChat(bot.connector.url, OTTO);
  const ordersOfJane = async () => (await bot.api('GET', `/api/work-orders?login=${JANE.login}`)).body as { number: string }[];
  /** Types `order`, returns the form card and the id the connector gave it. */
  const openForm = async () => {
    const card = await say(bot, otto(), OTTO, 'order');
    const reply = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === otto().conversationId).at(-1)!;
    return { card, replyToId: reply.reply.id as string };
  };
  const submit = (replyToId: string, values: Record<string, string>) =>
    click(bot, otto(), OTTO, { verb: 'order.submit', data: values, replyToId });

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [OTTO, ANNA].map(rosterEntry) });
    await bot.api('POST', '/api/users', { email: OTTO.email, name: OTTO.name, roles: [{ role: 'Ordering', domain: DOMAIN }] });
    await bot.api('POST', '/api/users', { email: ANNA.email, name: ANNA.name, roles: [{ role: 'Approval', domain: DOMAIN }] });
    await bot.api('POST', '/api/subscribers', JANE);
    await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null });
    await say(bot, personalChat(bot.connector.url, ANNA), ANNA, 'help');
  });
  afterAll(() => bot?.stop());

  it('answers `order` with a form card whose Place order button sends the inputs', async () => {
    const { card } = await openForm();
    expectValidCard(card);
    expect(cardText(card)).toContain('New order');
    expect(Object.keys(inputsOf(card))).toEqual(
      expect.arrayContaining(['subscriberLogin', 'orderable', 'phoneType', 'macAddress', 'lineType', 'directoryNumber']),
    );
    expect(inputsOf(card).orderable).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(verbsOf(card)).toEqual(['order.submit']);
  });

  it('shows a bad MAC address under its input, keeps what was typed, and creates nothing', async () => {
    const { replyToId } = await openForm();
    const before = await ordersOfJane();
    const values = {
      subscriberLogin: JANE.login,
      orderable: 'Enhanced Phone Service',
      phoneType: '7945',
      macAddress: '00AABBCCDDE',
      lineType: 'Chosen Line',
      directoryNumber: '5001',
    };
    const res = await submit(replyToId, values);
    expect(res).toMatchObject({ status: 200, body: { type: 'application/vnd.microsoft.card.adaptive' } });
    const form = res.body.value;
    expectValidCard(form);
    const inputs = inputsOf(form);
    for (const [id, value] of Object.entries(values)) expect(inputs[id].value).toBe(value);
    const mac = form.body.findIndex((e: any) => e.id === 'macAddress');
    // The field by its label, the problem in one sentence under it.
    expect(form.body[mac].label).toBe('MAC address');
    expect(form.body.slice(mac + 1, mac + 3)).toContainEqual(
      expect.objectContaining({
        color: 'Attention',
        text: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.',
      }),
    );
    expect(verbsOf(form)).toEqual(['order.submit']);
    expect(await ordersOfJane()).toEqual(before);
  });

  it("puts the core's refusal under the field it is about", async () => {
    const { replyToId } = await openForm();
    const res = await submit(replyToId, { subscriberLogin: 'nobody', orderable: 'Phone', phoneType: '7945' });
    const form = res.body.value;
    const login = form.body.findIndex((e: any) => e.id === 'subscriberLogin');
    expect(form.body[login].value).toBe('nobody');
    // Under the input come its hint, then the problem.
    expect(form.body[login + 2]).toMatchObject({
      color: 'Attention',
      text: expect.stringContaining("I can't find a subscriber with the login nobody."),
    });
  });

  it('places a valid order, replaces the form with it, and sends the approval to the approver', async () => {
    const { replyToId } = await openForm();
    const res = await submit(replyToId, {
      subscriberLogin: JANE.login,
      orderable: 'Enhanced Phone Service',
      phoneType: '7945',
      macAddress: '00-aa-bb-cc-dd-ee',
    });
    const placed = res.body.value;
    expectValidCard(placed);
    const number = /^Order (WO-\d{6}) placed/.exec(cardText(placed))?.[1];
    expect(number).toBeDefined();
    expect(verbsOf(placed)).toEqual([]);
    const { order } = (await bot.api('GET', `/api/work-orders/${number}`)).body;
    expect(order).toMatchObject({ origin: 'chat', state: 'Released', extendedStatus: 'Waiting for Approval', author: { name: OTTO.name } });
    expect(order.items.find((i: any) => i.type === 'Phone').attributes.macAddress).toBe('00AABBCCDDEE');
    const posted = await bot.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === personalChat(bot.connector.url, ANNA).conversationId &&
        cardText(cardOf(c)).startsWith(`Approval needed: ${number}`),
    );
    expect(verbsOf(cardOf(posted))).toContain('activity.approve');
  });
});
