import { describe, expect, it } from 'vitest';
import { parseUsersCsv } from './parse-users-csv';

const LOCATIONS = [
  { id: 'loc-hq', name: 'Headquarters' },
  { id: 'loc-lyon', name: 'Lyon branch' },
];

describe('parseUsersCsv', () => {
  it('reads users by headers in any case, packages by label or id, locations by name or id', () => {
    const csv = [
      'First Name,LAST NAME,Email,Package,Location,Phone number,extension,Admin_Role',
      'Ada,Lovelace,ada@globex.example,Webex Calling,headquarters,+12015550101,101,Full Administrator',
      '"Grace, Jr",Hopper,grace@globex.example,webex_meetings,loc-lyon,,,',
    ].join('\r\n');
    expect(parseUsersCsv(csv, LOCATIONS)).toEqual({
      ok: true,
      rows: [2, 3],
      users: [
        {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@globex.example',
          package: 'webex_calling',
          locationId: 'loc-hq',
          phoneNumber: '+12015550101',
          extension: '101',
          adminRole: 'Full Administrator',
        },
        { firstName: 'Grace, Jr', lastName: 'Hopper', email: 'grace@globex.example', package: 'webex_meetings', locationId: 'loc-lyon' },
      ],
    });
  });

  it('names every bad row with its line, column and what is wrong', () => {
    const csv = [
      'first name,last name,email,package,location',
      'Ada,Lovelace,ada@globex.example,Webex Calling,Headquarters',
      ',Hopper,grace@globex.example,Webex Gold,Paris',
      'Alan,Turing,alan@globex.example,webex_suite,',
    ].join('\n');
    expect(parseUsersCsv(csv, LOCATIONS)).toEqual({
      ok: false,
      problems: [
        { row: 3, field: 'firstName', message: 'The first name is empty.' },
        { row: 3, field: 'package', message: '"Webex Gold" is not a Webex package.' },
        { row: 3, field: 'locationId', message: 'The customer has no location named "Paris".' },
        { row: 4, field: 'locationId', message: 'The location is empty.' },
      ],
      // The lines read, so the good ones can be checked further: line 2 is Ada, resolved.
      users: [
        { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@globex.example', package: 'webex_calling', locationId: 'loc-hq' },
        expect.anything(),
        expect.anything(),
      ],
      rows: [2, 3, 4],
    });
  });

  it('refuses a file without the needed columns, an empty file and broken quoting, in words', () => {
    expect(parseUsersCsv('first name,email\nAda,ada@x.example', LOCATIONS)).toEqual({
      ok: false,
      problems: [{ row: 1, field: null, message: 'The header line lacks the columns "last name", "package", "location".' }],
    });
    expect(parseUsersCsv('', LOCATIONS)).toMatchObject({ ok: false, problems: [{ row: 1 }] });
    expect(parseUsersCsv('first name,last name,email,package,location\n"Ada,Lovelace', LOCATIONS)).toMatchObject({
      ok: false,
      problems: [{ field: null, message: expect.stringContaining('not valid CSV') }],
    });
  });
});
