import { describe, expect, it } from 'vitest';
import { parseConsentValue, presentCustomerUserResults, RESULTS_PER_MESSAGE } from './present-customer-user-results';
import {
  parseUsersCsvDraftValue,
  presentUsersCsvCreating,
  presentUsersCsvGuidance,
  presentUsersCsvProblems,
  presentUsersCsvReady,
  usersCsvDraftValue,
} from './present-users-csv';
import { viewToText } from './view';

describe('the words around a CSV file of users', () => {
  it('names each bad line by number, column and problem, and says nobody was created', () => {
    const view = presentUsersCsvProblems({
      fileName: 'users.csv',
      customerName: 'Globex',
      problems: [
        { line: 3, column: 'last name', message: 'The last name is empty.' },
        { line: 3, column: 'package', message: '"Gold" is not a Webex package.' },
        { line: 1, column: null, message: 'The header line lacks the column "email".' },
      ],
    });
    expect(view.title).toBe('users.csv: 2 lines to fix');
    expect(viewToText(view)).toContain(
      'Line 3, last name: The last name is empty.\nLine 3, package: "Gold" is not a Webex package.\nLine 1: The header line lacks the column "email".',
    );
    expect(view.paragraphs[0]).toBe('Nobody was created for Globex. Fix these lines and share the file again:');
    expect(view.actions).toBeUndefined();
  });

  it('shows at most 60 problems and says how many more there are', () => {
    const problems = Array.from({ length: 75 }, (_, i) => ({ line: i + 2, column: 'email', message: 'The email is empty.' }));
    const view = presentUsersCsvProblems({ fileName: 'big.csv', customerName: 'Globex', problems });
    expect(view.paragraphs.at(-1)).toBe('…and 15 more problems on later lines.');
  });

  it('offers "Create N users" with a value that leads back to the file as checked', () => {
    const value = usersCsvDraftValue({ customerId: 'cus_1', fileId: 'F0001', sha256: 'a'.repeat(64) });
    const view = presentUsersCsvReady({ fileName: 'team.csv', customerName: 'Globex', count: 2, value });
    expect(view.title).toBe('Create 2 users for Globex?');
    expect(view.actions).toEqual([{ id: 'customer-users.create', label: 'Create 2 users', value, style: 'primary' }]);
    expect(parseUsersCsvDraftValue(value)).toEqual({ customerId: 'cus_1', fileId: 'F0001', sha256: 'a'.repeat(64) });
    expect(parseUsersCsvDraftValue('cus_1|F0001|nothex')).toBeNull();
    expect(presentUsersCsvReady({ fileName: 'one.csv', customerName: 'Globex', count: 1, value }).actions?.[0]?.label).toBe(
      'Create 1 user',
    );
  });

  it('says how to share the file, in Slack, with the words to write', () => {
    expect(presentUsersCsvGuidance('/prov ', 'Globex').paragraphs[0]).toContain('with the message "customer users Globex"');
  });

  it('tells Teams, where no file can be shared, the API route that takes the same file, in one paragraph', () => {
    const teams = presentUsersCsvGuidance('', 'Globex');
    expect(teams.paragraphs).toHaveLength(presentUsersCsvGuidance('/prov ', 'Globex').paragraphs.length + 1);
    expect(teams.paragraphs.at(-1)).toBe(
      "Files can't be shared with me in Teams yet: share it with me in Slack as above, or have someone who holds provbot's API token send it as text/csv to POST /api/customers/{customer id}/users.csv (GET /api/customers lists the ids); the answer gives each user's result.",
    );
    expect(viewToText(teams)).not.toMatch(/[<>]/);
  });

  it('replaces the clicked confirmation with what is being done, without its button', () => {
    const view = presentUsersCsvCreating({ customerName: 'Globex', count: 2 });
    expect(view.title).toBe('Creating 2 users for Globex…');
    expect(view.actions).toBeUndefined();
    expect(presentUsersCsvCreating({ customerName: 'Globex', count: 1 }).title).toBe('Creating 1 user for Globex…');
  });
});

describe('one result per user', () => {
  it('says each result in words, with Resend consent email for a user waiting for consent only', () => {
    const [view, ...more] = presentCustomerUserResults({
      customerId: 'cus_1',
      customerName: 'Globex',
      results: [
        { email: 'ada@globex.example', status: 'provisioned', message: 'Created.' },
        { email: 'bob@globex.example', status: 'pending_user_migration', message: 'The user must accept the consent email.' },
        { email: 'cy@globex.example', status: 'refused', message: 'This email address already belongs to a Webex user.' },
      ],
    });
    expect(more).toEqual([]);
    expect(view!.title).toBe('Users for Globex: 1 created, 1 waiting for consent, 1 not created');
    expect(view!.sections?.map((s) => [s.heading, s.fields[0]!.value, s.actions?.map((a) => a.label)])).toEqual([
      ['ada@globex.example', 'Created', undefined],
      ['bob@globex.example', 'Waiting for consent', ['Resend consent email']],
      ['cy@globex.example', 'Refused by Webex', undefined],
    ]);
    expect(parseConsentValue(view!.sections![1]!.actions![0]!.value)).toEqual({ customerId: 'cus_1', email: 'bob@globex.example' });
  });

  it('splits a long batch into messages of ten users, the totals on the first', () => {
    const results = Array.from({ length: 23 }, (_, i) => ({
      email: `u${i}@x.example`,
      status: 'provisioned' as const,
      message: 'Created.',
    }));
    const views = presentCustomerUserResults({ customerId: 'c', customerName: 'Globex', results });
    expect(views.map((v) => v.sections?.length)).toEqual([RESULTS_PER_MESSAGE, RESULTS_PER_MESSAGE, 3]);
    expect(views.map((v) => v.title)).toEqual([
      'Users for Globex: 23 created',
      'Users for Globex (continued)',
      'Users for Globex (continued)',
    ]);
  });
});
