import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../adapters/db/create-database';
import { openRawTables } from '../../integration/db/raw-rows';
import { textIn } from '../../../adapters/slack/blocks/block-kit-limits';
import { RecordingSlackApi, SLACK_BLOCK_TEXT_LIMIT } from '../../../scripts/bench/slack/recording-slack-api';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { eventually, placeWorkOrder, setUpApprovals } from '../delivery/approval-orders';
import { outboxTable } from '../delivery/outbox-table';

/**
 * A digest of 300 approvals to a Slack channel, through the real bot: 300 orders placed
 * through the API, one digest delivery naming their approvals written to the outbox
 * (as the digest sweep writes it when a group's aggregation window closes), sent by the
 * bot's dispatcher to a recording Slack API that refuses what Slack refuses, the
 * undocumented msg_blocks_too_long included. Every item must arrive exactly once.
 */
const COUNT = 300;
const CHANNEL = 'C0DIGESTS';
let slackApi: RecordingSlackApi;
let bot: TestBot;

beforeAll(async () => {
  slackApi = await RecordingSlackApi.start();
  bot = await startTestBot({
    SLACK_SIGNING_SECRET: 'digest-parts-signing-secret-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-digest-parts',
    SLACK_API_URL: `${slackApi.url}/api/`,
  });
  // Approvers by email only, so the channel gets nothing but the digest.
  await setUpApprovals(bot.api, [
    { email: 'ann.approver@acme.example', name: 'Ann Approver', roles: [{ role: 'Approval', domain: 'acme.example' }] },
  ]);
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
});

async function approvalsOf(orders: string[]): Promise<string[]> {
  const raw = openRawTables(bot.databaseUrl);
  try {
    const rows = await raw.rows<{ id: string; orderNumber: string }>(
      `SELECT "id", "orderNumber" FROM "activities" WHERE "kind" = 'Approval' ORDER BY "seq"`,
    );
    expect(rows.map((r) => r.orderNumber).sort()).toEqual([...orders].sort());
    return rows.map((r) => r.id);
  } finally {
    await raw.close();
  }
}

describe('a Slack digest of 300 approvals', () => {
  it('lists every item exactly once, over as many messages as Slack takes, each "part k of n"', { timeout: 120_000 }, async () => {
    // Eight at a time: the machine is shared, and the digest is what is under test.
    const orders: string[] = [];
    for (let i = 0; i < COUNT; i += 8)
      orders.push(...(await Promise.all(Array.from({ length: Math.min(8, COUNT - i) }, () => placeWorkOrder(bot.api)))));
    const activityIds = await approvalsOf(orders);
    const writer = await createDatabase(bot.databaseUrl);
    try {
      const delivery = {
        key: 'digest:e2e-300',
        target: {
          channel: 'chat' as const,
          platform: 'slack' as const,
          to: { kind: 'conversation' as const, address: CHANNEL, label: '#digests' },
        },
        content: {
          kind: 'digest' as const,
          eventType: 'Approval' as const,
          domain: 'acme.example',
          group: 'Approval' as const,
          activityIds,
        },
        dueAt: new Date(),
      };
      expect(await writer.outbox.write({ deliveries: [delivery], digestItems: [], escalations: [] })).toBe(1);
    } finally {
      await writer.close();
    }
    await bot.dispatch();

    const table = outboxTable(bot.databaseUrl);
    const row = await eventually(
      async () => (await table.deliveries()).find((r) => r.key === 'digest:e2e-300' && r.state !== 'pending'),
      'the digest settled',
    );
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });

    const posts = slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
    expect(posts.every((c) => c.answer.ok)).toBe(true);
    const n = posts.length;
    expect(n).toBeGreaterThan(1);
    posts.forEach((c, i) => {
      const blocks = c.args.blocks as { type: string; text?: { text: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(textIn(blocks)).toBeLessThanOrEqual(SLACK_BLOCK_TEXT_LIMIT);
      expect(blocks[0]!.text!.text).toContain(`(part ${i + 1} of ${n})`);
    });
    const text = posts.map((c) => JSON.stringify(c.args.blocks)).join('\n');
    for (const order of orders) expect(text.split(order).length - 1, order).toBe(1);
    expect(text).not.toContain('activities" to see');
  });
});
