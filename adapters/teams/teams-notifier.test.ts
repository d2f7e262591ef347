import { describe, expect, it } from 'vitest';
import type { ActivityMessage, ChatNotice, ChatTo } from '../../core/index';
import { FixedClock } from '../../test/fakes/fixed-clock';
import { anActivity, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import type { StoredReference } from './conversation-reference';
import type { TeamsAddressBook } from './teams-address-book';
import { parseTeamsAddress, toPostedMessage } from './teams-address';
import type { TeamsConversations } from './teams-conversations';
import { TeamsNotifier } from './teams-notifier';
import { refusal } from '../../test/fixtures/refusal';

const personal = (key: string): StoredReference => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/',
  conversation: { id: `a:personal-${key}`, conversationType: 'personal', tenantId: 't' },
  bot: { id: '28:app' },
  user: { id: `29:1${key}`, aadObjectId: `aad-${key}` },
});
/** A channel registered by Rita: her id is in the reference, but the channel is everyone's. */
const CHANNEL_REF: StoredReference = {
  ...personal('rita'),
  conversation: { id: '19:provisioning@thread.tacv2', conversationType: 'channel', tenantId: 't' },
};
const CHANNEL: ChatTo = { kind: 'conversation', address: JSON.stringify(CHANNEL_REF), label: 'Provisioning / General' };
const toUser = (key: string): ChatTo => ({ kind: 'user', platformUserId: `aad-${key}`, email: `${key}@acme.example` });

function setup(o: { known: string[] }) {
  const sent: { conversation: string; activity: any }[] = [];
  const updated: { conversation: string; activityId: string; activity: any }[] = [];
  const addresses = {
    personalChat: async (id: string) => (o.known.includes(id.replace('aad-', '')) ? personal(id.replace('aad-', '')) : null),
  } as unknown as TeamsAddressBook;
  const conversations = {
    send: async (ref: StoredReference, activity: unknown) => {
      sent.push({ conversation: ref.conversation.id, activity });
      return `activity-${sent.length}`;
    },
    update: async (ref: StoredReference, activityId: string, activity: unknown) =>
      void updated.push({ conversation: ref.conversation.id, activityId, activity }),
  } as unknown as TeamsConversations;
  const logged: string[] = [];
  const log = { info: (_f: unknown, m: string) => void logged.push(m), warn: (_f: unknown, m: string) => void logged.push(m), error() {} };
  return {
    sent,
    updated,
    logged,
    notifier: new TeamsNotifier(addresses, conversations, log, new FixedClock(new Date('2026-11-23T12:00:00Z'))),
  };
}

const message = (over: Partial<ActivityMessage['activity']> = {}): ActivityMessage => ({
  activity: anActivity({ id: 'act-1', status: 'Open', ...over }),
  order: aWorkOrder(),
  subscriber: aSubscriber(),
});
const activityNotice = (m: ActivityMessage, escalatedAfterMinutes: number | null = null): ChatNotice => ({
  kind: 'activity',
  ...m,
  escalatedAfterMinutes,
});
const cardOf = (activity: any) => activity.attachments[0].content;
const verbs = (card: any): string[] => JSON.stringify(card).match(/"verb":"activity\.[a-z]+"/g) ?? [];

describe('TeamsNotifier.postNotice', () => {
  it('posts an activity card in the personal chat, refreshed for that person, and returns where it went', async () => {
    const { notifier, sent } = setup({ known: ['anna'] });
    const posted = await notifier.postNotice({ to: toUser('anna'), notice: activityNotice(message()) });
    expect(parseTeamsAddress(posted!)).toEqual({ reference: personal('anna'), activityId: 'activity-1' });
    expect(cardOf(sent[0]!.activity).refresh.userIds).toEqual(['29:1anna']);
    expect(sent[0]!.activity.summary).toBe('Approval needed: WO-000123 (Add Enhanced Phone Service for Jane Doe)');
  });

  it('returns null, and logs, for a person the bot never met', async () => {
    const { notifier, sent, logged } = setup({ known: [] });
    expect(await notifier.postNotice({ to: toUser('zoe'), notice: activityNotice(message()) })).toBeNull();
    expect(sent).toEqual([]);
    expect(logged).toEqual(['Teams: notice recipient never talked to the bot; no card sent']);
  });

  it("posts in a registered channel with an assignee's buttons for everyone and no per-person refresh", async () => {
    const { notifier, sent } = setup({ known: [] });
    const posted = await notifier.postNotice({ to: CHANNEL, notice: activityNotice(message()) });
    expect(sent[0]!.conversation).toBe('19:provisioning@thread.tacv2');
    const card = cardOf(sent[0]!.activity);
    expect(card.refresh).toBeUndefined();
    expect(card.actions.map((a: any) => a.title)).toEqual(['Approve', 'Reject order', 'Accept', 'Delegate']);
    expect(parseTeamsAddress(posted!).reference).toEqual(CHANNEL_REF);
  });

  it('shows an escalation banner and keeps it: an escalated card is not refreshed into the plain view', async () => {
    const { notifier, sent } = setup({ known: ['adam'] });
    await notifier.postNotice({ to: toUser('adam'), notice: activityNotice(message(), 90) });
    const card = cardOf(sent[0]!.activity);
    expect(card.refresh).toBeUndefined();
    expect(card.body[0].text).toBe('Escalated: Approval needed: WO-000123 (Add Enhanced Phone Service for Jane Doe)');
    expect(card.body[1].text).toBe('Nobody acted on this approval activity within 1 hour 30 minutes, so it comes to the administrators.');
    expect(card.actions.map((a: any) => a.title)).toContain('Approve');
  });

  it("posts a digest of 40 as three cards of at most 15 items, each with its buttons and within Teams' size, every item once", async () => {
    const { notifier, sent } = setup({ known: [] });
    const items = Array.from({ length: 40 }, (_, i) => ({
      ...message({ id: `act-${i}` }),
      order: aWorkOrder({ number: `WO-${1000 + i}` }),
    }));
    await notifier.postNotice({
      to: CHANNEL,
      notice: { kind: 'digest', eventType: 'Approval', domain: 'acme.example', group: 'Approval', items },
    });
    const cards = sent.map((s) => cardOf(s.activity));
    expect(cards.map((c) => c.body[0].text)).toEqual([1, 2, 3].map((k) => `40 order approvals waiting in acme.example (part ${k} of 3)`));
    const sets = cards.map((c) => c.body.filter((e: any) => e.type === 'Container').map((x: any) => x.items.at(-1)));
    expect(sets.map((s) => s.length)).toEqual([15, 15, 10]);
    expect(sets.flat().every((s: any) => s.type === 'ActionSet' && s.actions.length === 4)).toBe(true);
    for (const s of sent) expect(JSON.stringify(s.activity).length).toBeLessThan(28_000);
    const text = sent.map((s) => JSON.stringify(cardOf(s.activity).body)).join('\n');
    for (let i = 0; i < 40; i += 1) expect(text.split(`WO-${1000 + i}`).length - 1).toBe(1);
    expect(text).not.toContain('more not shown');
  });

  it('refuses for good, without calling Teams, a registered conversation whose reference is malformed', async () => {
    const { notifier, sent } = setup({ known: [] });
    const err = await refusal(
      notifier.postNotice({
        to: { kind: 'conversation', address: '{"conversation":{}}', label: 'Ops' },
        notice: { kind: 'test', scope: 'x' },
      }),
    );
    expect(err).toMatchObject({ permanent: true, message: expect.stringContaining('"Ops"') });
    expect(sent).toEqual([]);
  });

  it('tells a channel what it will receive in a test notice', async () => {
    const { notifier, sent } = setup({ known: [] });
    await notifier.postNotice({ to: CHANNEL, notice: { kind: 'test', scope: 'system events' } });
    expect(JSON.stringify(cardOf(sent[0]!.activity))).toContain('this channel will receive system events notifications');
  });
});

describe('TeamsNotifier.updateNotice', () => {
  it('replaces a card in place: decided without buttons, a live one in a personal chat refreshed for its person', async () => {
    const { notifier, updated } = setup({ known: [] });
    const copy = toPostedMessage(personal('anna'), 'activity-9');
    await notifier.updateNotice({
      message: copy,
      notice: activityNotice(
        message({
          status: 'Done',
          decidedBy: { name: 'Anna', email: null, channel: 'teams' },
          decidedAt: new Date('2026-11-23T11:00:00Z'),
        }),
      ),
    });
    expect(updated[0]).toMatchObject({ conversation: 'a:personal-anna', activityId: 'activity-9' });
    expect(cardOf(updated[0]!.activity).body[0].text).toBe('Approved by Anna at 2026-11-23 11:00 UTC');
    expect(verbs(cardOf(updated[0]!.activity))).toEqual([]);

    await notifier.updateNotice({
      message: copy,
      notice: activityNotice(message({ status: 'Accepted', acceptedBy: { name: 'Anna', email: null } })),
    });
    expect(cardOf(updated[1]!.activity).refresh.userIds).toEqual(['29:1anna']);
    await notifier.updateNotice({
      message: toPostedMessage(CHANNEL_REF, 'activity-3'),
      notice: activityNotice(message({ status: 'Accepted', acceptedBy: { name: 'Anna', email: null } })),
    });
    expect(cardOf(updated[2]!.activity).refresh).toBeUndefined();
  });

  it('refuses for good an address it did not write', async () => {
    const { notifier } = setup({ known: [] });
    const err = await refusal(notifier.updateNotice({ message: { platform: 'teams', address: '{}' }, notice: activityNotice(message()) }));
    expect(err.permanent).toBe(true);
  });
});
