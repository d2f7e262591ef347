import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../../scripts/bench/slack/slack-signing';
import { visibleText } from './slack-e2e-harness';
import { DOMAIN, JANE, SECRET, startSlackOrderE2E } from './slack-order-harness';
import type { SlackOrderE2E } from './slack-order-harness';

let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null });
  await h.bot.api('POST', '/api/users', {
    email: 'ada@acme.example',
    name: 'Ada Admin',
    slackUserId: 'UADA',
    roles: [{ role: 'Administrator', domain: DOMAIN }],
  });
});
afterAll(async () => h?.stop());

/** An Events API callback, signed as Slack signs it (JSON body). https://docs.slack.dev/reference/events/app_home_opened */
async function openHome(user: string, tab: 'home' | 'messages' = 'home') {
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${user}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user, channel: 'D1', tab, event_ts: '1.1' },
  });
  const res = await fetch(`${h.bot.url}/slack/events`, {
    method: 'POST',
    headers: { ...signedHeaders(SECRET, body), 'content-type': 'application/json' },
    body,
  });
  expect(res.status).toBe(200);
}

const homesOf = (user: string) => h.api.callsTo('views.publish').filter((c) => c.args.user_id === user);

describe('the Slack App Home tab', () => {
  it("shows an approver the approval waiting for them, with its button, and no settings they can't change", async () => {
    const placed = await h.bot.api('POST', '/api/work-orders', {
      subscriberLogin: JANE.login,
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(placed.status).toBe(201);
    await openHome('UANN');
    const call = await h.api.waitFor(() => homesOf('UANN')[0]);
    const view = viewOf(call.args.view);
    expect(view.type).toBe('home');
    const text = visibleText({ blocks: view.blocks });
    expect(text).toContain(`Approval: ${placed.body.order.number}`);
    expect(text).not.toContain('Notification settings');
    expect(JSON.stringify(view.blocks)).toContain('activity.approve');
  });

  it('shows an administrator the notification settings of their domain and how to change them', async () => {
    await openHome('UADA');
    const call = await h.api.waitFor(() => homesOf('UADA')[0]);
    const text = visibleText({ blocks: viewOf(call.args.view).blocks });
    expect(text).toContain('Notification settings: your domains');
    expect(text).toContain(DOMAIN);
    expect(text).toContain('/prov notify set');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const before = h.api.callsTo('views.publish').length;
    await openHome('UABE', 'messages');
    await openHome('UABE');
    await h.api.waitFor(() => homesOf('UABE')[0]);
    expect(h.api.callsTo('views.publish').length).toBe(before + 1);
  });
});

/** The client sends `view` JSON-encoded in a form body; the recording API may have parsed it already. */
function viewOf(raw: unknown): { type: string; blocks: Record<string, unknown>[] } {
  return (typeof raw === 'string' ? JSON.parse(raw) : raw) as { type: string; blocks: Record<string, unknown>[] };
}
