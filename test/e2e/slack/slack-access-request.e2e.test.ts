import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, buttonsOf, startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

let h: SlackE2E;
beforeAll(async () => {
  h = await startSlackE2E();
  await h.seedUsers();
}, 30_000);

let orders = 0;
/** Each test asks about an order of its own, placed by Alice. */
async function aliceOrder(): Promise<string> {
  const number = `ORD-A${++orders}`;
  await h.seedOrder(number);
  return number;
}
afterAll(() => h?.stop());

/** Bob, who has no access to Alice's order, asks; returns his reply and the DM Alice got, where it landed. */
async function bobAsks(words: string) {
  const posts = h.api.callsTo('chat.postMessage').length;
  const sent = await h.command(U.bob, words);
  const reply = visibleText((await h.reply(sent.responseUrl)).body);
  const dm = await h.api.waitFor(() =>
    h.api
      .callsTo('chat.postMessage')
      .slice(posts)
      .find((c) => c.args.channel === U.alice.id),
  );
  const message = { channel: String(dm.answer.channel), ts: String(dm.answer.ts) };
  return { reply, dm, requestId: buttonsOf(dm.args)[0]!.value, message };
}

const updatesOf = (message: { channel: string; ts: string }) =>
  h.api.callsTo('chat.update').filter((c) => c.args.channel === message.channel && c.args.ts === message.ts);
const dmsTo = (userId: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

/** Bob asks to resend line 1 of a new order of Alice's: the order and the request. */
async function bobAsksForResend() {
  const number = await aliceOrder();
  return { number, first: await bobAsks(`resend ${number} 1`) };
}

describe('access requests in Slack', () => {
  it('asks the placer in a DM with Approve and Decline when someone without access resends', async () => {
    const { number: ORD, first } = await bobAsksForResend();
    expect(first.reply).toContain(`Access requested for order ${ORD}`);
    expect(first.reply).toContain("You don't have access to this order, so I sent a request to the person who placed it.");
    expect(first.reply).not.toContain('Alice');
    expect(first.dm.token).toBe(BOT_TOKEN);
    expect(first.dm.args.text).toContain(`Access request for order ${ORD}`);
    expect(visibleText(first.dm.args)).toContain(
      `Bob Outsider (bob@other-partner.example) asks to resend the provisioning email for line 1 of order ${ORD}.`,
    );
    expect(buttonsOf(first.dm.args)).toEqual([
      { action_id: 'access.approve', value: first.requestId },
      { action_id: 'access.decline', value: first.requestId },
    ]);
    // Slack delivers a post to a user id in the bot's DM with them; the bot keeps that channel for chat.update.
    expect(first.message.channel).toBe('DALICE');
  });

  it('runs the action when the placer approves, replaces the clicked message and tells the requester', async () => {
    const { number: ORD, first } = await bobAsksForResend();
    const before = await h.snapshot(ORD);
    const bobsDms = dmsTo(U.bob.id).length;
    const click = await h.click(U.alice, 'access.approve', first.requestId, first.message);
    expect(click).toMatchObject({ status: 200, body: '' });

    const [update] = await h.api.waitFor(() => (updatesOf(first.message).length ? updatesOf(first.message) : null));
    expect(update!.token).toBe(BOT_TOKEN);
    expect(visibleText(update!.args)).toMatch(/Approved by Alice Placer at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(visibleText(update!.args)).toMatch(/Line 1: (sent|on its way) to it1@customer\.example/);
    expect(buttonsOf(update!.args)).toEqual([]);

    const told = await h.api.waitFor(() => dmsTo(U.bob.id)[bobsDms]);
    expect(visibleText(told.args)).toContain('Request approved');
    expect(visibleText(told.args)).toContain(
      `Alice Placer approved your request to resend the provisioning email for line 1 of order ${ORD}.`,
    );

    // The approved resend goes out through the outbox: its history row turns Sent once the email is out.
    await h.bot.dispatch();
    const after = await h.snapshot(ORD);
    expect(after.history.length).toBe(before.history.length + 1);
    // The history shows who asked for it, not who approved it.
    expect(after.history[0]).toMatchObject({
      kind: 'resend',
      lineNumber: 1,
      status: 'Sent',
      channel: 'slack',
      actor: { name: 'Bob Outsider' },
    });
  });

  it('tells a second click privately that the request was already approved, and changes nothing', async () => {
    const { number: ORD, first } = await bobAsksForResend();
    const bobsDms = dmsTo(U.bob.id).length;
    await h.click(U.alice, 'access.approve', first.requestId, first.message);
    await h.api.waitFor(() => (updatesOf(first.message).length ? updatesOf(first.message) : null));
    await h.api.waitFor(() => dmsTo(U.bob.id)[bobsDms]);
    await h.bot.dispatch();
    const before = await h.snapshot(ORD);
    const updates = h.api.callsTo('chat.update').length;
    const dms = dmsTo(U.bob.id).length;
    const click = await h.click(U.alice, 'access.decline', first.requestId, first.message);
    expect(click.status).toBe(200);
    const { body } = await h.reply(click.responseUrl);
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(body)).toMatch(/Already approved by Alice Placer at \d{4}-\d\d-\d\d \d\d:\d\d UTC: nothing more to do here\./);
    expect(await h.snapshot(ORD)).toEqual(before);
    expect(h.api.callsTo('chat.update').length).toBe(updates);
    expect(dmsTo(U.bob.id).length).toBe(dms);
  });

  it('refuses a click by someone other than the placer, leaves the request open, and the placer can still decline', async () => {
    const ORD = await aliceOrder();
    const second = await bobAsks(`contact ${ORD} 2 bob.pick@customer.example`);
    const before = await h.snapshot(ORD);
    const dms = dmsTo(U.bob.id).length;

    const forged = await h.click(U.bob, 'access.approve', second.requestId, second.message);
    const { body } = await h.reply(forged.responseUrl);
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(body)).toContain(`You can't decide this access request: it was sent to Alice Placer, who placed order ${ORD}.`);
    expect(updatesOf(second.message)).toEqual([]);
    expect(await h.snapshot(ORD)).toEqual(before);

    await h.click(U.alice, 'access.decline', second.requestId, second.message);
    const [update] = await h.api.waitFor(() => (updatesOf(second.message).length ? updatesOf(second.message) : null));
    expect(visibleText(update!.args)).toContain('Declined by Alice Placer');
    const told = await h.api.waitFor(() => dmsTo(U.bob.id)[dms]);
    expect(visibleText(told.args)).toContain(
      `Alice Placer declined your request to change the provisioning contact of line 2 of order ${ORD} to bob.pick@customer.example.`,
    );
    expect(await h.snapshot(ORD)).toEqual(before);
  });

  it('reports on the message and to the requester when the approved action can no longer run', async () => {
    const ORD = await aliceOrder();
    const third = await bobAsks(`resend ${ORD} 3`);
    // The organization is onboarded between the request and the approval.
    await h.core.markOrganizationOnboarded(ORD, { lines: [3], organizationId: `org-${ORD}` });
    const dms = dmsTo(U.bob.id).length;
    await h.click(U.alice, 'access.approve', third.requestId, third.message);
    const [update] = await h.api.waitFor(() => (updatesOf(third.message).length ? updatesOf(third.message) : null));
    expect(visibleText(update!.args)).toContain(`It could not be done: Line 3 of order ${ORD} is past the point of no return`);
    const told = await h.api.waitFor(() => dmsTo(U.bob.id)[dms]);
    expect(visibleText(told.args)).toContain('https://admin.webex.com');
  });
});
