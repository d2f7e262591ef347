import type { types } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityMessage, ChatNotice, ChatTo } from '../../core/index';
import { DeliveryRefused, silentLogger } from '../../core/index';
import { FixedClock } from '../../test/fakes/fixed-clock';
import { RecordingSlackApi } from '../../scripts/bench/slack/recording-slack-api';
import { anActivity, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import { inputOfClick } from './blocks/action-inputs';
import { LIMITS } from './blocks/block-kit-limits';
import { parseSlackAddress } from './slack-address';
import { SlackNotifier } from './slack-notifier';
import { createSlackNotifierClient } from './slack-web-client';
import { refusal } from '../../test/fixtures/refusal';

/** The notifier over the real WebClient the adapter gives it, against a recording Slack Web API. */
let api: RecordingSlackApi;
let notifier: SlackNotifier;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  const client = createSlackNotifierClient('xoxb-test', `${api.url}/api/`, silentLogger);
  notifier = new SlackNotifier(client, { clock: new FixedClock(new Date('2026-11-23T12:00:00Z')) });
});
afterAll(() => api?.stop());
beforeEach(() => {
  api.calls.length = 0;
  api.rateLimited.length = 0;
  api.failing.clear();
  api.rateLimits.clear();
});

let keys = 0;
/** A delivery's first attempt: its own key, nothing in doubt. */
const fresh = () => {
  keys += 1;
  return { idempotencyKey: `key-${keys}`, inDoubt: false };
};
const ANN: ChatTo = { kind: 'user', platformUserId: 'UANN', email: 'ann@acme.example' };
const CHANNEL: ChatTo = { kind: 'conversation', address: 'C0PROV', label: '#provisioning' };
const message = (over: Partial<ActivityMessage['activity']> = {}, version = 4): ActivityMessage => ({
  activity: anActivity(over),
  order: aWorkOrder({ version }),
  subscriber: aSubscriber(),
});
const activityNotice = (m: ActivityMessage, escalatedAfterMinutes: number | null = null): ChatNotice => ({
  kind: 'activity',
  ...m,
  escalatedAfterMinutes,
});

type Blocks = types.KnownBlock[];
const blocksOf = (call: { args: Record<string, unknown> }) => call.args.blocks as Blocks;
const actionBlocks = (blocks: Blocks) => blocks.filter((b): b is types.ActionsBlock => b.type === 'actions');
const buttonIds = (blocks: Blocks) => actionBlocks(blocks).flatMap((b) => b.elements.map((e) => (e as types.Button).action_id));

describe('SlackNotifier.postNotice', () => {
  it("DMs a person by their user id with an assignee's buttons, and returns the DM channel and ts for later updates", async () => {
    const posted = await notifier.postNotice({ ...fresh(), to: ANN, notice: activityNotice(message()) });
    const [call] = api.callsTo('chat.postMessage');
    expect(call!.args.channel).toBe('UANN');
    expect(String(call!.args.text)).toContain('Approval needed: WO-000123');
    expect(buttonIds(blocksOf(call!))).toEqual(['activity.approve', 'activity.reject', 'activity.accept', 'activity.delegate']);
    expect(parseSlackAddress(posted!)).toEqual({ channel: 'DANN', ts: call!.answer.ts });
  });

  it('posts to a registered channel by its id, and an escalation says so first while keeping the buttons', async () => {
    const posted = await notifier.postNotice({ ...fresh(), to: CHANNEL, notice: activityNotice(message(), 120) });
    const [call] = api.callsTo('chat.postMessage');
    expect(call!.args.channel).toBe('C0PROV');
    expect((blocksOf(call!)[0] as types.HeaderBlock).text.text).toMatch(/^:warning: Escalated: Approval needed: WO-000123/);
    expect(String(call!.args.text)).toContain('Nobody acted on this approval activity within 2 hours, so it comes to the administrators.');
    expect(buttonIds(blocksOf(call!))).toContain('activity.approve');
    expect(parseSlackAddress(posted!).channel).toBe('C0PROV');
  });

  it('posts a digest of 60 approvals in three parts: 20 with their own buttons, then the rest as lines, each item once', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      ...message({ id: `act-${i}` }),
      order: aWorkOrder({ number: `WO-${1000 + i}` }),
    }));
    const posted = await notifier.postNotice({
      ...fresh(),
      to: CHANNEL,
      notice: { kind: 'digest', eventType: 'Approval', domain: 'acme.example', group: 'Approval', items },
    });
    const calls = api.callsTo('chat.postMessage');
    expect(calls.map((c) => c.answer.ok)).toEqual([true, true, true]);
    expect(calls.map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/^60 order approvals waiting in acme\.example \(part 1 of 3\)/),
      expect.stringMatching(/\(part 2 of 3\)/),
      expect.stringMatching(/\(part 3 of 3\)/),
    ]);
    for (const c of calls) expect(blocksOf(c).length).toBeLessThanOrEqual(LIMITS.blocks);
    const ids = actionBlocks(blocksOf(calls[0]!)).map((b) => b.block_id);
    expect(new Set(ids).size).toBe(20);
    expect(calls.slice(1).flatMap((c) => actionBlocks(blocksOf(c)))).toEqual([]);
    const text = calls.map((c) => JSON.stringify(c.args.blocks)).join('\n');
    for (let i = 0; i < 60; i += 1) expect(text.match(new RegExp(`WO-${1000 + i}\\b`, 'g'))).toHaveLength(1);
    expect(parseSlackAddress(posted!)).toEqual({ channel: 'C0PROV', ts: calls[0]!.answer.ts });
  });

  it('after a failure between parts, posts only the parts not there yet', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      ...message({ id: `act-${i}` }),
      order: aWorkOrder({ number: `WO-${2000 + i}` }),
    }));
    const input = {
      idempotencyKey: 'digest:part-failure',
      inDoubt: false,
      to: CHANNEL,
      notice: { kind: 'digest' as const, eventType: 'Approval' as const, domain: 'acme.example', group: 'Approval' as const, items },
    };
    const stop = api.onCall(() => api.failing.set('chat.postMessage', 'internal_error'));
    const failed = await notifier
      .postNotice(input)
      .then(
        () => null,
        (err: unknown) => err,
      )
      .finally(stop);
    api.failing.clear();
    expect(failed).toMatchObject({ data: { error: 'internal_error' } });
    // The dispatcher retries it as an ordinary failure, not in doubt.
    await notifier.postNotice(input);
    const posted = api.callsTo('chat.postMessage').filter((c) => c.answer.ok);
    expect(posted.map((c) => (c.args.metadata as { event_payload: { key: string } }).event_payload.key)).toEqual([
      'digest:part-failure',
      'digest:part-failure:part-2',
      'digest:part-failure:part-3',
    ]);
  });

  it('posts a system alert and a test notice', async () => {
    const events = [
      {
        type: 'order-failure' as const,
        occurredAt: '2026-11-23T11:00:00.000Z',
        domain: 'acme.example',
        orderNumber: 'WO-1',
        summary: 'Provisioning WO-1 failed',
      },
    ];
    await notifier.postNotice({ ...fresh(), to: CHANNEL, notice: { kind: 'system-alert', eventType: 'order-failure', events } });
    await notifier.postNotice({ ...fresh(), to: CHANNEL, notice: { kind: 'test', scope: 'system events' } });
    expect(api.callsTo('chat.postMessage').map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/^Order failures \(1\): Each order waits for you: "\/prov retry &lt;order&gt;"/),
      'Test notification from provbot: Test notification from provbot for system events: this channel will receive system events notifications.',
    ]);
  });

  it("turns a 429 into a refusal with Slack's Retry-After, at once and without trying again itself", async () => {
    api.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 7 });
    const err = await refusal(notifier.postNotice({ ...fresh(), to: ANN, notice: activityNotice(message()) }));
    expect(err).toMatchObject({ retryAfterMs: 7000, permanent: false });
    expect(api.rateLimited).toHaveLength(1);
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('refuses for good what Slack will never accept: an unknown channel, an archived one', async () => {
    for (const error of ['channel_not_found', 'is_archived']) {
      api.failing.set('chat.postMessage', error);
      const err = await refusal(notifier.postNotice({ ...fresh(), to: CHANNEL, notice: { kind: 'test', scope: 'x' } }));
      expect(err).toMatchObject({ permanent: true, retryAfterMs: null, message: `Slack refused chat.postMessage: ${error}` });
    }
  });

  it('leaves any other failure as it is, for the dispatcher to retry', async () => {
    api.failing.set('chat.postMessage', 'internal_error');
    const err = await notifier.postNotice({ ...fresh(), to: ANN, notice: activityNotice(message()) }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(DeliveryRefused);
    expect(err).toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } });
  });

  it('refuses for good, without calling Slack, a channel address that is no channel id', async () => {
    const err = await refusal(
      notifier.postNotice({
        ...fresh(),
        to: { kind: 'conversation', address: '#general', label: '#general' },
        notice: { kind: 'test', scope: 'x' },
      }),
    );
    expect(err.permanent).toBe(true);
    expect(api.calls).toEqual([]);
  });
});

describe('SlackNotifier.postNotice for a delivery in doubt', () => {
  it('carries its key in the message metadata, and does not post again what is already there', async () => {
    const posted = await notifier.postNotice({
      idempotencyKey: 'activity:act-1:v1:slack:user:UANN',
      inDoubt: false,
      to: ANN,
      notice: activityNotice(message()),
    });
    expect(api.callsTo('chat.postMessage')[0]!.args.metadata).toEqual({
      event_type: 'provbot_delivery',
      event_payload: { key: 'activity:act-1:v1:slack:user:UANN' },
    });
    // The process died after Slack answered: the retry finds the message and answers with it.
    const again = await notifier.postNotice({
      idempotencyKey: 'activity:act-1:v1:slack:user:UANN',
      inDoubt: true,
      to: ANN,
      notice: activityNotice(message()),
    });
    expect(again).toEqual(posted);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    // In doubt, but it never arrived: posted.
    await notifier.postNotice({
      idempotencyKey: 'activity:act-2:v1:slack:user:UANN',
      inDoubt: true,
      to: ANN,
      notice: activityNotice(message({ id: 'act-2' })),
    });
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('posts again, rather than not at all, when it cannot read the history (no history scope)', async () => {
    await notifier.postNotice({ idempotencyKey: 'k-scope', inDoubt: false, to: CHANNEL, notice: { kind: 'test', scope: 'x' } });
    api.failing.set('conversations.history', 'missing_scope');
    await notifier.postNotice({ idempotencyKey: 'k-scope', inDoubt: true, to: CHANNEL, notice: { kind: 'test', scope: 'x' } });
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    api.failing.delete('conversations.history');
  });
});

describe('SlackNotifier.updateNotice', () => {
  it('updates a copy in place: a decided activity without buttons, an accepted Assignment with Step Complete asking for the MAC', async () => {
    const posted = await notifier.postNotice({ ...fresh(), to: ANN, notice: activityNotice(message()) });
    const approved = message({
      status: 'Done',
      decidedBy: { name: 'Ann Approver', email: 'ann@acme.example', channel: 'slack' },
      decidedAt: new Date('2026-11-23T10:05:00Z'),
    });
    await notifier.updateNotice({ message: posted!, notice: activityNotice(approved) });
    const [first] = api.callsTo('chat.update');
    expect(first!.args).toMatchObject({ channel: 'DANN', ts: parseSlackAddress(posted!).ts });
    expect(String(first!.args.text)).toContain('Approved by Ann Approver at 2026-11-23 10:05 UTC');
    expect(buttonIds(blocksOf(first!))).toEqual([]);

    const accepted = message(
      {
        id: 'act-2',
        kind: 'Assignment',
        status: 'Accepted',
        assignee: { kind: 'group', role: 'Assignment' },
        acceptedBy: { name: 'Al', email: 'al@acme.example' },
      },
      6,
    );
    await notifier.updateNotice({ message: posted!, notice: activityNotice(accepted) });
    const blocks = blocksOf(api.callsTo('chat.update')[1]!);
    expect(buttonIds(blocks)).toEqual(['activity.complete', 'activity.decline', 'activity.delegate']);
    expect(inputOfClick(actionBlocks(blocks)[0]!.block_id, 'activity.complete')).toBe('mac-address');
    expect(JSON.stringify(blocks)).toContain('act-2@6');
  });

  it('refuses for good a message Slack no longer has, and an address it did not write', async () => {
    const gone = { platform: 'slack' as const, address: JSON.stringify({ channel: 'DANN', ts: '1.000001' }) };
    expect(await refusal(notifier.updateNotice({ message: gone, notice: activityNotice(message()) }))).toMatchObject({
      permanent: true,
      message: 'Slack refused chat.update: message_not_found',
    });
    const foreign = { platform: 'slack' as const, address: '{"channel":"DANN"}' };
    expect((await refusal(notifier.updateNotice({ message: foreign, notice: activityNotice(message()) }))).permanent).toBe(true);
  });
});
