import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { isPersonal, parseReference, referenceOf, toConversationReference } from './conversation-reference';

const activity = (over: Record<string, unknown> = {}) =>
  ({
    id: 'incoming-1',
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1alice', name: 'Alice', aadObjectId: 'aad-alice' },
    recipient: { id: '28:app', name: 'provbot' },
    conversation: { id: 'a:1xyz', conversationType: 'personal' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    ...over,
  }) as unknown as Activity;

describe('referenceOf', () => {
  it('keeps what a proactive message needs and drops the activity id', () => {
    expect(referenceOf(activity())).toEqual({
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: '28:app', name: 'provbot' },
      user: { id: '29:1alice', name: 'Alice', aadObjectId: 'aad-alice' },
      locale: 'en-US',
    });
  });

  it('tells a channel from a personal chat, and a one-to-one chat without conversationType as personal', () => {
    expect(
      isPersonal(referenceOf(activity({ conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', isGroup: true } }))),
    ).toBe(false);
    expect(isPersonal(referenceOf(activity({ conversation: { id: 'x', isGroup: true } })))).toBe(false);
    expect(isPersonal(referenceOf(activity({ conversation: { id: 'x' } })))).toBe(true);
  });
});

describe('parseReference', () => {
  it('reads back what referenceOf wrote', () => {
    const ref = referenceOf(activity());
    expect(parseReference(JSON.stringify(ref))).toEqual(ref);
  });

  it.each([
    ['not json', '{'],
    ['wrong shape', '{"channelId":"msteams"}'],
    ['a non-URL serviceUrl', JSON.stringify({ ...referenceOf(activity()), serviceUrl: 'nope' })],
  ])('gives null for %s', (_what, json) => expect(parseReference(json)).toBeNull());
});

describe('toConversationReference', () => {
  it('fills the fields botbuilder requires', () => {
    const ref = toConversationReference(referenceOf(activity()));
    expect(ref.conversation).toEqual({ id: 'a:1xyz', conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' });
    expect(ref.activityId).toBeUndefined();
  });
});
