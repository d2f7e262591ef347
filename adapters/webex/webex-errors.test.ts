import { describe, expect, it } from 'vitest';
import { problemsOf, refusalMessage } from './webex-errors';

describe('Webex refusals in words', () => {
  it('keeps each error code and its description as a sentence', () => {
    const body = { message: 'Bad Request', errors: [{ errorCode: 4003, description: 'The city is required' }] };
    expect(problemsOf(body)).toEqual([{ code: '4003', description: 'The city is required.' }]);
  });

  it('says 10022 in our own words: the email already belongs to a Webex user', () => {
    const body = { errors: [{ errorCode: 10022, description: 'User already exists in another organization' }] };
    expect(problemsOf(body)).toEqual([{ code: '10022', description: expect.stringMatching(/already belongs to a Webex user/) }]);
  });

  it('falls back to the message only when it is a sentence, never to a bare token or raw JSON', () => {
    expect(problemsOf({ message: 'The provisioning ID is not valid' })).toEqual([
      { code: '', description: 'The provisioning ID is not valid.' },
    ]);
    expect(problemsOf({ message: 'BAD_REQUEST' })).toEqual([]);
    expect(problemsOf('<html>gateway</html>')).toEqual([]);
    expect(refusalMessage('create the customer', 400, [])).toBe('Webex refused to create the customer (HTTP 400) and gave no reason.');
  });

  it('an error without a description still reads as a sentence', () => {
    expect(refusalMessage('add the user', 409, problemsOf({ errors: [{ errorCode: 7777 }] }))).toBe(
      'Webex refused to add the user: Webex gave no reason.',
    );
  });
});
