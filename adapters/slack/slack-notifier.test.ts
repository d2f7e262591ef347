import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { DirectoryUser, Logger } from '../../core/index';
import { anActivity, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import { inputOfClick } from './blocks/action-inputs';
import { parseSlackAddress } from './slack-address';
import { SlackNotifier } from './slack-notifier';

type Call = { method: string; args: Record<string, unknown> };

/** The two WebClient methods the notifier uses, answering as Slack does (a DM's channel for a user id). */
function fakeClient(failFor: string[] = []) {
  const calls: Call[] = [];
  let ts = 0;
  const client = {
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        calls.push({ method: 'chat.postMessage', args });
        if (failFor.includes(String(args.channel))) throw Object.assign(new Error('An API error occurred: channel_not_found'), { data: { error: 'channel_not_found' } });
        return { ok: true, channel: `D${String(args.channel).slice(1)}`, ts: `1700000000.00000${++ts}` };
      },
      update: async (args: Record<string, unknown>) => {
        calls.push({ method: 'chat.update', args });
        return { ok: true };
      },
    },
  };
  return { client: client as unknown as webApi.WebClient, calls };
}

function recordingLog() {
  const warnings: Record<string, unknown>[] = [];
  const log: Logger = { info() {}, warn: (f: Record<string, unknown>) => void warnings.push(f), error() {} };
  return { log, warnings };
}

const person = (name: string, slackUserId: string | null): DirectoryUser => ({ id: name, email: `${name}@acme.example`, name, slackUserId, teamsUserId: null, roles: [] });
type Button = { action_id: string; value: string };
const buttons = (args: Record<string, unknown>) => {
  const block = (args.blocks as { type: string; block_id?: string; elements?: Button[] }[]).find((b) => b.type === 'actions');
  return { blockId: block?.block_id, ids: (block?.elements ?? []).map((e) => e.action_id), values: [...new Set((block?.elements ?? []).map((e) => e.value))] };
};

const order = aWorkOrder({ version: 4 });
const subscriber = aSubscriber();

describe('SlackNotifier activities', () => {
  it('DMs each recipient with a Slack id once, with the buttons of an assignee carrying the activity and order version', async () => {
    const { client, calls } = fakeClient();
    const recipients = [person('ann', 'UANN'), person('ben', null), person('cy', 'UCY'), person('ann2', 'UANN')];
    const posted = await new SlackNotifier(client).postActivity({ activity: anActivity(), order, subscriber, recipients });
    expect(calls.map((c) => [c.method, c.args.channel])).toEqual([
      ['chat.postMessage', 'UANN'],
      ['chat.postMessage', 'UCY'],
    ]);
    expect(posted.map(parseSlackAddress)).toEqual([
      { channel: 'DANN', ts: '1700000000.000001' },
      { channel: 'DCY', ts: '1700000000.000002' },
    ]);
    expect(buttons(calls[0]!.args)).toMatchObject({ ids: ['activity.accept', 'activity.approve', 'activity.reject', 'activity.delegate'], values: ['act-1@4'] });
    expect(String(calls[0]!.args.text)).toContain('Approval needed: WO-000123');
  });

  it('returns the copies it could post when one DM fails, and logs the failure', async () => {
    const { client } = fakeClient(['UANN']);
    const { log, warnings } = recordingLog();
    const posted = await new SlackNotifier(client, log).postActivity({ activity: anActivity(), order, subscriber, recipients: [person('ann', 'UANN'), person('cy', 'UCY')] });
    expect(posted.map((p) => parseSlackAddress(p).channel)).toEqual(['DCY']);
    expect(warnings).toEqual([expect.objectContaining({ userId: 'UANN', slackError: 'channel_not_found' })]);
  });

  it('throws when no copy could be posted, and posts nothing to recipients without a Slack id', async () => {
    const { client, calls } = fakeClient(['UANN']);
    const notifier = new SlackNotifier(client);
    await expect(notifier.postActivity({ activity: anActivity(), order, subscriber, recipients: [person('ann', 'UANN')] })).rejects.toThrow(/channel_not_found/);
    calls.length = 0;
    expect(await notifier.postActivity({ activity: anActivity(), order, subscriber, recipients: [person('ben', null)] })).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('updates a copy in place: a decided activity without buttons, an accepted Assignment with Step Complete asking for the MAC', async () => {
    const { client, calls } = fakeClient();
    const notifier = new SlackNotifier(client);
    const message = { platform: 'slack' as const, address: JSON.stringify({ channel: 'DANN', ts: '1700000000.000001' }) };
    const approved = anActivity({ status: 'Done', decidedBy: { name: 'Ann Approver', email: 'ann@acme.example', channel: 'slack' }, decidedAt: new Date('2026-11-23T10:05:00Z') });
    await notifier.updateActivity({ activity: approved, order, subscriber, message });
    expect(calls[0]).toMatchObject({ method: 'chat.update', args: { channel: 'DANN', ts: '1700000000.000001' } });
    expect(String(calls[0]!.args.text)).toContain('Approved by Ann Approver at 2026-11-23 10:05 UTC');
    expect(buttons(calls[0]!.args).ids).toEqual([]);

    const accepted = anActivity({ id: 'act-2', kind: 'Assignment', status: 'Accepted', assignee: { kind: 'group', role: 'Assignment' }, acceptedBy: { name: 'Al', email: 'al@acme.example' } });
    await notifier.updateActivity({ activity: accepted, order: aWorkOrder({ version: 6, extendedStatus: 'Waiting for Assignment' }), subscriber, message });
    const b = buttons(calls[1]!.args);
    expect(b).toMatchObject({ ids: ['activity.complete', 'activity.decline', 'activity.delegate'], values: ['act-2@6'] });
    expect(inputOfClick(b.blockId, 'activity.complete')).toBe('mac-address');
  });
});
