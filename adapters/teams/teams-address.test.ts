import { describe, expect, it } from 'vitest';
import type { StoredReference } from './conversation-reference';
import { parseTeamsAddress, toPostedMessage } from './teams-address';

const reference: StoredReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 't' },
  bot: { id: '28:app' },
  user: { id: '29:1alice' },
};

describe('Teams posted-message address', () => {
  it('round-trips the conversation and the activity id', () => {
    const message = toPostedMessage(reference, '1700000000000');
    expect(message.platform).toBe('teams');
    expect(parseTeamsAddress(message)).toEqual({ reference, activityId: '1700000000000' });
  });

  it.each([
    ['another platform', { platform: 'slack' as const, address: '{}' }, /not a Teams message/],
    ['text that is not JSON', { platform: 'teams' as const, address: 'x' }, /not JSON/],
    ['JSON without an activity id', { platform: 'teams' as const, address: JSON.stringify({ reference }) }, /malformed/],
  ])('refuses %s', (_what, message, error) => {
    expect(() => parseTeamsAddress(message)).toThrow(error);
  });
});
