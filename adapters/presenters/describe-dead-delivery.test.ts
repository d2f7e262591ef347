import { describe, expect, it } from 'vitest';
import { describeContent, describeDeliveryError, describeDestination } from './describe-dead-delivery';

describe('a dead delivery in words', () => {
  it('names the destination as a person reads it', () => {
    expect(describeDestination({ channel: 'email', address: 'ann@acme.example', asUser: true, domain: 'acme.example' })).toBe(
      'email to ann@acme.example',
    );
    expect(
      describeDestination({ channel: 'chat', platform: 'slack', to: { kind: 'user', platformUserId: 'UANN', email: 'ann@acme.example' } }),
    ).toBe('Slack direct message to ann@acme.example');
    expect(
      describeDestination({ channel: 'chat', platform: 'teams', to: { kind: 'conversation', address: '{}', label: 'Ops / General' } }),
    ).toBe('Teams conversation Ops / General');
  });

  it('says what the notice was', () => {
    expect(
      describeContent({ kind: 'digest', eventType: 'Approval', domain: 'acme.example', group: 'Approval', activityIds: ['a', 'b'] }),
    ).toBe('a digest of Order Approvals (2 item(s)) in acme.example, for the Approval group');
    expect(describeContent({ kind: 'activity', activityId: 'a', escalatedAfterMinutes: 120 })).toBe(
      'an escalated activity (nobody acted for 120 minutes)',
    );
  });

  it("turns the platforms' refusal codes into what to do, keeping what they said", () => {
    expect(describeDeliveryError('Slack refused chat.postMessage: not_in_channel')).toBe(
      'the bot is not in the Slack channel: invite it, then retry (Slack refused chat.postMessage: not_in_channel)',
    );
    expect(describeDeliveryError('Teams refused the notice (403 BotNotInConversationRoster)')).toMatch(
      /^the bot was removed from the Teams conversation/,
    );
    expect(describeDeliveryError('Could not send the email: the mail server at mx:25 is unreachable (ECONNREFUSED)')).toBe(
      'Could not send the email: the mail server at mx:25 is unreachable (ECONNREFUSED)',
    );
    expect(describeDeliveryError(null)).toBe('no reason was recorded');
    expect(describeDeliveryError('x'.repeat(400))).toHaveLength(300);
  });
});
