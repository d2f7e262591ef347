import { describe, expect, it } from 'vitest';
import { attributeLabel, channelPhrase, subscriberLabel } from './labels';

describe('labels', () => {
  it('names attributes in words, never by their key', () => {
    expect(attributeLabel('macAddress')).toBe('MAC address');
    expect(attributeLabel('phoneType')).toBe('Phone type');
    expect(attributeLabel('deviceName')).toBe('Device name');
    expect(attributeLabel('alias')).toBe('Voicemail alias');
    expect(attributeLabel('ringTone')).toBe('Ring tone');
  });

  it('says how something was done in words', () => {
    expect(channelPhrase('teams')).toBe('in Teams');
    expect(channelPhrase('slack')).toBe('in Slack');
    expect(channelPhrase('api')).toBe('through the REST API');
  });

  it('names a subscriber as "John Smith (jsmith)", or by login when the record is gone', () => {
    const s = { login: 'jsmith', firstName: 'John', lastName: 'Smith' } as Parameters<typeof subscriberLabel>[0];
    expect(subscriberLabel(s, 'jsmith')).toBe('John Smith (jsmith)');
    expect(subscriberLabel(null, 'jsmith')).toBe('jsmith');
  });
});
