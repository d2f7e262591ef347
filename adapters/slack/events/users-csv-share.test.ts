import { describe, expect, it } from 'vitest';
import { planFileShare, readFileShare } from './users-csv-share';

const csv = { id: 'F0001', name: 'users.csv', size: 120, filetype: 'csv', mimetype: 'text/csv', url_private: 'https://files.slack.com/x' };
const dm = (over: Record<string, unknown> = {}) => ({
  type: 'message',
  subtype: 'file_share',
  channel_type: 'im',
  channel: 'D0ADA',
  user: 'UADA',
  text: 'customer users Globex',
  ts: '1700000000.000100',
  files: [csv],
  ...over,
});

describe('reading a file shared with the bot', () => {
  it('reads a file shared in its DM: who, where, the words and the file', () => {
    expect(readFileShare(dm())).toEqual({
      user: 'UADA',
      channel: 'D0ADA',
      threadTs: undefined,
      text: 'customer users Globex',
      files: [{ id: 'F0001', name: 'users.csv', size: 120, filetype: 'csv', mimetype: 'text/csv' }],
    });
  });

  it('answers a mention in a channel in the thread of the message', () => {
    const share = readFileShare({
      ...dm({ type: 'app_mention', text: '<@UPROVBOT> customer users Globex' }),
      subtype: undefined,
      channel: 'C1',
    });
    expect(share).toMatchObject({ channel: 'C1', threadTs: '1700000000.000100' });
  });

  it("ignores the bot's own posts, edits and deletions, and messages outside its DM", () => {
    expect(readFileShare(dm({ bot_id: 'BPROVBOT' }))).toBeNull();
    expect(readFileShare(dm({ subtype: 'message_changed' }))).toBeNull();
    expect(readFileShare(dm({ channel_type: 'channel' }))).toBeNull();
    expect(readFileShare({ type: 'message' })).toBeNull();
  });
});

describe('what the bot does with a share', () => {
  const plan = (over: Record<string, unknown>) => planFileShare(readFileShare(dm(over))!);

  it('reads a CSV file that came with customer users <customer>', () => {
    expect(plan({})).toEqual({ kind: 'read', customer: 'Globex', file: expect.objectContaining({ id: 'F0001' }) });
  });

  it('refuses, in words and before any download, a file that is not a CSV, too large, or several files', () => {
    expect(plan({ files: [{ id: 'F2', name: 'deck.pdf', filetype: 'pdf', mimetype: 'application/pdf' }] })).toEqual({
      kind: 'refused',
      reason: expect.stringContaining('deck.pdf is not a CSV file'),
    });
    expect(plan({ files: [{ ...csv, size: 3 * 1024 * 1024 }] })).toEqual({
      kind: 'refused',
      reason: 'users.csv is 3.0 MB; a file of users can be at most 2 MB, so split it into smaller files.',
    });
    expect(plan({ files: [csv, { ...csv, id: 'F0002' }] })).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('one CSV file at a time'),
    });
  });

  it('gives the guidance for a CSV without the words, or the words without a file; anything else is not its business', () => {
    expect(plan({ text: 'here you go' })).toEqual({ kind: 'guidance' });
    expect(plan({ subtype: undefined, files: [] })).toEqual({ kind: 'guidance', customer: 'Globex' });
    expect(plan({ subtype: undefined, files: [], text: 'customer users' })).toEqual({ kind: 'guidance', customer: undefined });
    expect(plan({ subtype: undefined, files: [], text: 'hello' })).toEqual({ kind: 'ignore' });
    expect(plan({ text: 'a photo', files: [{ id: 'F3', name: 'cat.png', filetype: 'png' }] })).toEqual({ kind: 'ignore' });
  });
});
