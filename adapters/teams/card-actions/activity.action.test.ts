import { describe, expect, it } from 'vitest';
import { underInput } from './activity.action';

describe('underInput', () => {
  it('drops the attribute name the input label already gives, and makes sentences', () => {
    expect(underInput(['macAddress: MAC address must be 12 hexadecimal characters (0-9, A-F); got 11'])).toBe(
      'MAC address must be 12 hexadecimal characters (0-9, A-F); got 11.',
    );
    expect(underInput(['delegate to: an email address or a group (role) name', 'Phone.macAddress: too short.'])).toBe(
      'An email address or a group (role) name. Too short.',
    );
  });

  it('keeps an issue that names no attribute whole', () => {
    expect(underInput(['Sam Assigner does not hold the Assignment role in acme.example, so could not act on this Assignment'])).toBe(
      'Sam Assigner does not hold the Assignment role in acme.example, so could not act on this Assignment.',
    );
  });
});
