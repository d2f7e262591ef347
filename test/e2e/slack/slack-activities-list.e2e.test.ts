import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takePayloadProblems } from '../../../scripts/bench/payload-problems';
import { buttonsIn, JANE, startSlackOrderE2E } from './slack-order-harness';
import type { SlackOrderE2E } from './slack-order-harness';

let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true });
}, 30_000);
afterAll(() => h?.stop());

async function placeWorkOrder(): Promise<string> {
  const res = await h.bot.api('POST', '/api/work-orders', {
    subscriberLogin: JANE.login,
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945' } },
  });
  expect(res.status).toBe(201);
  return (res.body as { order: { number: string } }).order.number;
}

describe('`/prov activities` in Slack', () => {
  it('lists several activities with a button each, every action_id unique, and the second button acts on the second activity', async () => {
    const first = await placeWorkOrder();
    const second = await placeWorkOrder();
    const sent = await h.command('ann', 'activities');
    const [reply] = await h.replies(sent.responseUrl);
    // Slack refuses an actions block with two buttons of one action_id (invalid_blocks): nothing else would be shown.
    expect(takePayloadProblems()).toEqual([]);
    const buttons = buttonsIn({ args: reply! });
    const mine = buttons.filter((b) => b.value.length > 0);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    // Each activity carries the pushed card's buttons in a block of its own; within a block every action_id is unique.
    for (const block of (reply as { blocks: { type: string; elements?: { action_id?: string }[] }[] }).blocks) {
      if (block.type !== 'actions') continue;
      const ids = (block.elements ?? []).map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
    }

    const activities = async (n: string) => (await h.workOrder(n)).activities;
    const target = (await activities(second)).find((a) => a.kind === 'Approval')!;
    const clicked = mine.find((b) => b.value.startsWith(`${String(target.id)}@`) && b.action_id.startsWith('activity.accept'))!;
    expect(clicked.action_id).toMatch(/^activity\.accept(:\d+)?$/);
    const click = await h.click('ann', clicked, {
      channel: 'DANN',
      ts: '1.000001',
      text: 'My activities',
      call: { method: 'response_url', token: null, args: reply!, answer: {}, at: Date.now() },
    });
    expect(click).toMatchObject({ status: 200 });
    await expect.poll(async () => (await activities(second)).find((a) => a.id === target.id)?.status).toBe('Accepted');
    expect((await activities(first)).find((a) => a.kind === 'Approval')?.status).not.toBe('Accepted');
  });
});
