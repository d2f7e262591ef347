import { describe, expect, it } from 'vitest';
import { underInput } from './field-problems';

describe('underInput (a one-input modal or card)', () => {
  it("shows the input's own problems in their words, another field's by its label, never a key", () => {
    const mac = 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.';
    expect(underInput([{ field: 'macAddress', message: mac }], 'macAddress')).toBe(mac);
    expect(
      underInput(
        [
          { field: 'delegateTo', message: 'Give an email address or a group (role) name.' },
          { field: 'macAddress', message: 'Too short.' },
        ],
        'delegateTo',
      ),
    ).toBe('Give an email address or a group (role) name. MAC address: Too short.');
  });
});
