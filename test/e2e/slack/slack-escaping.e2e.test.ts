import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, DOMAIN, PEOPLE, startSlackOrderE2E } from './slack-order-harness';
import type { SlackOrderE2E } from './slack-order-harness';

/** What a hostile name would do in Slack mrkdwn unescaped: ping the channel, show a disguised link. */
const HOSTILE = '<!channel> <https://evil.example|verify> & co';
const ESCAPED = '&lt;!channel&gt; &lt;https://evil.example|verify&gt; &amp; co';

const MALLORY = {
  login: 'mallory',
  domain: DOMAIN,
  firstName: `Mal ${HOSTILE}`,
  lastName: `Lory ${HOSTILE}`,
  email: 'mallory@acme.example',
  department: `Dept ${HOSTILE}`,
};

let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null });
  // Display names as the directory holds them: an orderer's and an approver's.
  for (const who of ['olga', 'ann'] as const) {
    expect((await h.bot.api('POST', '/api/users', { ...PEOPLE[who], name: `${PEOPLE[who].name} ${HOSTILE}` })).status).toBe(200);
  }
  expect((await h.bot.api('POST', '/api/subscribers', MALLORY)).status).toBe(201);
}, 30_000);
afterAll(() => h?.stop());

/** Every mrkdwn string Slack was given: each message's `text` and its blocks' mrkdwn texts (plain_text is shown as typed). */
function mrkdwnStrings(payload: Record<string, unknown>): string[] {
  const out = typeof payload.text === 'string' ? [payload.text] : [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(payload.blocks);
  walk((payload.view as Record<string, unknown> | undefined)?.blocks);
  return out;
}

describe('Slack escaping of user-supplied text', () => {
  it('escapes &, < and > in every message text and block, for names, display names, departments and notes', async () => {
    await h.command('olga', 'order mallory Phone phoneType=7945 macAddress=00AABBCCDDEE');
    const approval = await h.dm('ann', /^Approval needed: WO-\d{6}/);
    await h.click('ann', button(approval.call, 'activity.approve'), approval);
    for (const command of [`note ${await productId()} Note ${HOSTILE}`, 'subscriber mallory'])
      await h.replies((await h.command('olga', command)).responseUrl);

    const payloads = [
      ...h.api.calls.filter((c) => /^(chat\.|views\.publish)/.test(c.method)).map((c) => c.args),
      ...h.api.responses.map((r) => r.body),
    ];
    const strings = payloads.flatMap(mrkdwnStrings);
    expect(strings.filter((s) => /[<>]/.test(s))).toEqual([]);
    const texts = payloads.map((p) => String(p.text ?? ''));
    expect(texts.filter((t) => t.includes(ESCAPED)).length).toBeGreaterThan(1);
    expect(strings.join('\n')).toContain(`Dept ${ESCAPED}`);
    expect(strings.join('\n')).toContain(`Note ${ESCAPED}`);
  });
});

/** Mallory's phone, once the approved order has provisioned it. */
async function productId(): Promise<string> {
  for (let tries = 0; tries < 200; tries++) {
    const res = await h.bot.api('GET', '/api/subscribers/mallory', undefined);
    const id = (res.body as { products?: { id: string }[] }).products?.[0]?.id;
    if (id) return id;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the approved order provisioned no product for mallory');
}
