import { describe, expect, it } from 'vitest';
import { parseSlackAddress, toPostedMessage } from './slack-address';

describe('Slack message addresses', () => {
  it('round-trips the channel and ts that chat.update needs', () => {
    const posted = toPostedMessage({ channel: 'D024BE91L', ts: '1503435956.000247' });
    expect(posted.platform).toBe('slack');
    expect(parseSlackAddress(posted)).toEqual({ channel: 'D024BE91L', ts: '1503435956.000247' });
  });

  it('rejects what this adapter did not write', () => {
    expect(() => parseSlackAddress({ platform: 'teams', address: '{}' })).toThrow(/not a Slack message/);
    expect(() => parseSlackAddress({ platform: 'slack', address: 'D1/123' })).toThrow(/not JSON/);
    expect(() => parseSlackAddress({ platform: 'slack', address: '{"channel":"D1","ts":"yesterday"}' })).toThrow(/malformed/);
    expect(() => toPostedMessage({ channel: '', ts: '1.2' })).toThrow();
  });
});
