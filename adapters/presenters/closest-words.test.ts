import { describe, expect, it } from 'vitest';
import { closestWords, editDistance, orList } from './closest-words';

describe('closestWords', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('fone', 'phone')).toBe(2);
    expect(editDistance('stauts', 'status')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close names, closest first, ignoring case and spaces', () => {
    expect(closestWords('enhanced fone service', ['Phone', 'Enhanced Phone Service', 'Line'])).toEqual(['Enhanced Phone Service']);
    expect(closestWords('Phon', ['Line', 'Phone'])).toEqual(['Phone']);
  });

  it('suggests nothing for words far from every name', () => {
    expect(closestWords('xyz', ['Phone', 'Line', 'Email'])).toEqual([]);
    expect(closestWords('', ['Phone'])).toEqual([]);
  });

  it('joins suggestions as a person would say them', () => {
    expect(orList(['Phone'])).toBe('Phone');
    expect(orList(['Phone', 'Line', 'Email'])).toBe('Phone, Line or Email');
  });
});
