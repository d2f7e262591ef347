import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { parseReference } from '../conversation-reference';
import { placeOf } from './command-place';

const activity = (conversation: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1alice', name: 'Alice', aadObjectId: 'aad-alice' },
    recipient: { id: '28:app', name: 'provbot' },
    conversation,
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'de-DE',
    ...over,
  }) as unknown as Activity;

describe('placeOf (Teams)', () => {
  it('a personal chat is private and no place for notices', () => {
    expect(placeOf(activity({ id: 'a:1', conversationType: 'personal' }))).toEqual({ here: null, private: true });
  });

  it('a channel is the channel itself, not the thread, the same whoever typed, and names its team and channel when Teams does', () => {
    const typed = (from: Record<string, unknown>) =>
      placeOf(
        activity(
          { id: '19:ops@thread.tacv2;messageid=17000', conversationType: 'channel', isGroup: true },
          { from, channelData: { tenant: { id: 'tenant-1' }, team: { name: 'Provisioning' }, channel: { name: 'Ops' } } },
        ),
      );
    const alice = typed({ id: '29:1alice', name: 'Alice' });
    expect(alice).toMatchObject({ private: false, here: { platform: 'teams', label: 'Provisioning / Ops' } });
    expect(typed({ id: '29:1bob', name: 'Bob' })).toEqual(alice);
    const reference = parseReference(alice.here!.address);
    expect(reference).toMatchObject({
      conversation: { id: '19:ops@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
      user: { id: '28:app' },
    });
    expect(reference?.locale).toBeUndefined();
  });

  it('a group chat keeps its id and goes by its name, else by what it is', () => {
    expect(
      placeOf(activity({ id: '19:abc@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Rollout crew' })).here?.label,
    ).toBe('Rollout crew');
    expect(placeOf(activity({ id: '19:abc@thread.v2', conversationType: 'groupChat', isGroup: true })).here).toMatchObject({
      label: 'Teams group chat',
    });
  });
});
