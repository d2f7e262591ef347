import { describe, expect, it } from 'vitest';
import { FIELD_KEYS } from '../../core/index';
import { attributeLabel, channelPhrase, fieldLabel, personLabel, subscriberLabel } from './labels';

describe('labels', () => {
  it('names a person with the address beside the name, and the address once when no other name is known', () => {
    expect(personLabel('Abe Approver', 'abe@acme.example')).toBe('Abe Approver (abe@acme.example)');
    expect(personLabel('it-admin@initech.example', 'it-admin@initech.example')).toBe('it-admin@initech.example');
    expect(personLabel(null, 'abe@acme.example')).toBe('abe@acme.example');
  });

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

describe('the label of every field the core can name in a validation problem', () => {
  it.each(FIELD_KEYS.map((k) => [k]))('%s has words of its own, not its key', (key) => {
    const label = fieldLabel(key);
    expect(label).not.toBe(key);
    expect(label).toMatch(/^[A-Z]/);
    // No camelCase ("macAddress") and no path ("groups.Approval"): what a newcomer reads.
    expect(label).not.toMatch(/[a-z][A-Z]|\./);
  });

  it('names the domain group of a notification setting by the group', () => {
    expect(fieldLabel('groups.Shipping.externalEmails')).toBe('Shipping group email addresses');
    expect(fieldLabel('groups.Approval')).toBe('Approval group');
    expect(fieldLabel('macAddress')).toBe('MAC address');
  });
});
