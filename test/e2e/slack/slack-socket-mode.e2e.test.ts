import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { dayFrom } from '../../fakes/test-dates';
import { ALICE, orderIntake } from '../../fixtures/orders';
import { visibleText } from './slack-e2e-harness';
import { APP_TOKEN, button, startSlackOrderE2E } from './slack-order-harness';
import type { SlackOrderE2E } from './slack-order-harness';

/**
 * Slack in Socket Mode, end to end: the real bot started with an app token opens its
 * WebSocket through apps.connections.open (at the recording Web API), and every request
 * arrives as an envelope on that socket (test/fakes/socket-mode-server.ts) instead of a
 * signed HTTP POST. Replies still go through the response_url and the Web API.
 */
let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true }, {}, {}, 'socket');
  const res = await h.bot.api('POST', '/api/users', ALICE);
  if (res.status >= 300) throw new Error(`POST /api/users: ${res.status}`);
}, 30_000);
afterAll(() => h?.stop());

const socket = () => h.socket!;
let orders = 0;

/** A partner order placed by Alice two days ago; each test has its own. */
async function aliceOrder(): Promise<string> {
  const number = `ORD-SM${++orders}`;
  const res = await h.bot.api('POST', '/api/orders', orderIntake({ number, requestedStartDate: dayFrom(h.bot.clock, -2) }));
  if (res.status >= 300) throw new Error(`POST /api/orders: ${res.status} ${JSON.stringify(res.body)}`);
  return number;
}

/** `/prov <text>` as Alice over the socket: the ack and the reply posted to the command's response_url. */
async function aliceAsks(text: string) {
  const responseUrl = h.api.responseUrl();
  const ack = await socket().deliverForm(slashCommandBody({ text, user: { id: ALICE.slackUserId, name: 'alice' }, responseUrl }));
  const reply = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0]);
  return { ack, reply: reply.body };
}

const FORM = { subscriberLogin: 'jdoe', orderable: { option: 'Phone' }, phoneType: { option: '7945' } };

describe('Slack in Socket Mode', () => {
  it('connects with the app token through apps.connections.open, and the bot token still does the Web API calls', async () => {
    const [open] = h.api.callsTo('apps.connections.open');
    expect(open).toMatchObject({
      token: APP_TOKEN,
      answer: { ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/) },
    });
    // Connected: the client answered hello; a test that ran before may have just reconnected.
    expect(await socket().waitFor(() => socket().open)).toBeTruthy();
    const { reply } = await aliceAsks('help');
    expect(visibleText(reply)).toContain('/prov status <order>');
  });

  it('answers `/prov status <order>`: an empty ack in the envelope, the order through the response_url', async () => {
    const number = await aliceOrder();
    const { ack, reply } = await aliceAsks(`status ${number}`);
    expect(ack).toEqual({ envelope_id: expect.stringMatching(/^env-/), payload: {} });
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    const text = visibleText(reply);
    expect(text).toContain(`Order ${number}`);
    expect(text).toContain('Line 1: Webex Calling');
  });

  it('places an order from the modal (view_submission) and decides the approval on a click (block_actions)', async () => {
    const before = h.modalsOpened();
    expect(await h.command('olga', 'order')).toMatchObject({ status: 200, body: null });
    const view = await h.nextModal(before);
    const seen = h.dmsTo('olga').length;
    // The submission's answer comes back in the ack: nothing to show, the modal closes.
    expect(await h.submit('olga', view, { ...FORM, requestedDeliveryDate: { date: dayFrom(h.bot.clock, 7) } })).toEqual({
      status: 200,
      body: null,
    });
    const placed = await h.dm('olga', /^Order WO-\d{6} placed/, seen);
    const number = /WO-\d{6}/.exec(placed.text)![0];
    expect((await h.workOrder(number)).order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Approval' });

    const annDm = await h.dm('ann', new RegExp(`Approval needed: ${number}`));
    expect(await h.click('ann', button(annDm.call, 'activity.approve'), annDm)).toMatchObject({ status: 200, body: null });
    const [update] = await h.api.waitFor(() => (h.updatesOf(annDm).length ? h.updatesOf(annDm) : null));
    expect(visibleText(update!.args)).toMatch(/Approved by Ann Approver/);
    const decided = await h.workOrder(number);
    expect(decided.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
    expect(decided.activities.find((a) => a.kind === 'Approval')).toMatchObject({
      status: 'Done',
      decidedBy: { name: 'Ann Approver', channel: 'slack' },
    });
  });

  it('keeps the modal open with the errors sent back in the ack, and orders nothing', async () => {
    const before = h.modalsOpened();
    await h.command('olga', 'order');
    const view = await h.nextModal(before);
    const orders = await h.workOrders();
    const answer = await h.submit('olga', view, { ...FORM, subscriberLogin: 'nobody' });
    expect(answer.body).toEqual({
      response_action: 'errors',
      errors: { subscriberLogin: expect.stringContaining("I can't find a subscriber with the login nobody") },
    });
    expect(await h.workOrders()).toEqual(orders);
  });

  it('publishes the App Home on an app_home_opened event (an events_api envelope)', async () => {
    const published = h.api.callsTo('views.publish').length;
    // https://docs.slack.dev/reference/events/app_home_opened: the Events API callback, as the envelope's payload.
    const ack = await socket().request(
      'events_api',
      {
        token: 'deprecated-verification-token',
        team_id: 'T0FAKE',
        api_app_id: 'A0PROVBOT',
        type: 'event_callback',
        event_id: `Ev${Date.now()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_home_opened', user: 'UANN', channel: 'DANN', tab: 'home', event_ts: `${Date.now() / 1000}` },
      },
      false,
    );
    expect(ack.payload).toEqual({});
    const home = await h.api.waitFor(() =>
      h.api
        .callsTo('views.publish')
        .slice(published)
        .find((c) => c.args.user_id === 'UANN'),
    );
    expect(home.answer).toMatchObject({ ok: true, view: { type: 'home' } });
  });

  it('reconnects when the socket drops: a new apps.connections.open, a new connection, and the next command works', async () => {
    const opens = h.api.callsTo('apps.connections.open').length;
    const connections = socket().connections.length;
    socket().drop();
    await socket().waitFor(() => socket().connections.length > connections && socket().open);
    expect(h.api.callsTo('apps.connections.open').length).toBe(opens + 1);
    const number = await aliceOrder();
    const { ack, reply } = await aliceAsks(`status ${number}`);
    expect(ack.payload).toEqual({});
    expect(visibleText(reply)).toContain(`Order ${number}`);
  });

  it('opens a new connection when Slack asks it to (a disconnect message), and the next command works', async () => {
    const opens = h.api.callsTo('apps.connections.open').length;
    const connections = socket().connections.length;
    socket().askToReconnect();
    await socket().waitFor(() => socket().connections.length > connections && socket().open);
    expect(h.api.callsTo('apps.connections.open').length).toBe(opens + 1);
    const number = await aliceOrder();
    expect(visibleText((await aliceAsks(`status ${number}`)).reply)).toContain(`Order ${number}`);
  });
});
