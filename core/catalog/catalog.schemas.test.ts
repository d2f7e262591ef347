import { describe, expect, it } from 'vitest';
import { checkAttributes } from './catalog.schemas';
import type { AttributeContext } from './catalog.schemas';

const jane: AttributeContext = {
  subscriber: { login: 'john_jackson', firstName: 'John', lastName: 'Jackson', email: 'john@acme.example' },
  advanced: false,
};
const check = (type: Parameters<typeof checkAttributes>[0], raw: Record<string, string>, ctx = jane) => checkAttributes(type, raw, ctx);
/** Each problem as "<field>: <message>": the field is the attribute's key, never "<Product>.<key>". */
const said = (type: Parameters<typeof checkAttributes>[0], raw: Record<string, string>, ctx = jane) =>
  check(type, raw, ctx).problems.map((p) => `${p.field}: ${p.message}`);

describe('Phone attributes (Table 10-1, Shipping Phones)', () => {
  it('normalises a MAC address to upper case and names an IP phone SEP + MAC', () => {
    expect(check('Phone', { phoneType: 'Cisco 7945', macAddress: '00aabbccddee' })).toEqual({
      attributes: { phoneType: '7945', macAddress: '00AABBCCDDEE', deviceName: 'SEP00AABBCCDDEE' },
      problems: [],
    });
  });

  it('says how long a short MAC address is, and which character is not hexadecimal, in one sentence under macAddress', () => {
    expect(said('Phone', { phoneType: '7945', macAddress: '00AABBCCDDE' })).toEqual([
      'macAddress: Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.',
    ]);
    expect(said('Phone', { phoneType: '7945', macAddress: '00AABBCCDDEG' })).toEqual([
      "macAddress: Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; 'G' is not one.",
    ]);
  });

  it('takes a MAC address as printed on the sticker, with colons, dashes or dots', () => {
    for (const printed of ['00:aa:bb:cc:dd:ee', '00-AA-BB-CC-DD-EE', '00aa.bbcc.ddee']) {
      expect(check('Phone', { phoneType: '7945', macAddress: printed })).toMatchObject({
        attributes: { macAddress: '00AABBCCDDEE' },
        problems: [],
      });
    }
  });

  it('needs a phone type from the list, and lists them when it is missing or unknown', () => {
    expect(said('Phone', {})[0]).toMatch(/^phoneType: A Phone needs a phone type; choose one of 7911, 7941/);
    expect(said('Phone', { phoneType: '8851' })[0]).toMatch(/'8851' is not a phone type/);
  });

  it('an IP phone without a MAC gets its device name at Assignment; a SEP name gives the MAC', () => {
    expect(check('Phone', { phoneType: '7911' }).attributes).toEqual({ phoneType: '7911' });
    expect(check('Phone', { phoneType: '7911', deviceName: 'sep0011223344AA' }).attributes).toEqual({
      phoneType: '7911',
      deviceName: 'SEP0011223344AA',
      macAddress: '0011223344AA',
    });
    expect(said('Phone', { phoneType: '7911', deviceName: 'SEP0011223344AA', macAddress: '0011223344AB' })).toEqual([
      'deviceName: Device name SEP0011223344AA does not match MAC address 0011223344AB.',
    ]);
  });

  it('Personal Communicator: the device name is the username in uppercase letters and digits ("john_jackson ... JOHNJACKSON")', () => {
    expect(check('Phone', { phoneType: 'cisco unified personal communicator' }).attributes.deviceName).toBe('JOHNJACKSON');
    expect(check('Phone', { phoneType: 'Cisco Unified Personal Communicator', deviceName: 'JOHN_JACKSON' }).attributes.deviceName).toBe(
      'JOHNJACKSON',
    );
    expect(said('Phone', { phoneType: 'Cisco Unified Personal Communicator', deviceName: 'JANEDOE' })).toEqual([
      'deviceName: A Personal Communicator device name must match the username: JOHNJACKSON, not JANEDOE.',
    ]);
    expect(said('Phone', { phoneType: 'Cisco Unified Personal Communicator', deviceName: 'johnjackson' })[0]).toMatch(/uppercase letters/);
    const long = { ...jane, subscriber: { ...jane.subscriber, login: 'alexandra.konstantinopoulou' } };
    expect(said('Phone', { phoneType: 'Cisco Unified Personal Communicator' }, long)[0]).toMatch(
      /at most 12 letters and digits; 'alexandra.konstantinopoulou' gives 26/,
    );
  });

  it('Dual Mode for iPhone: TCT is added when missing, letters upper-cased, at most 15 characters', () => {
    expect(check('Phone', { phoneType: 'Dual Mode for iPhone', deviceName: 'jjackson' }).attributes.deviceName).toBe('TCTJJACKSON');
    expect(check('Phone', { phoneType: 'Dual Mode for iPhone', deviceName: 'TCTJJ' }).attributes.deviceName).toBe('TCTJJ');
    expect(said('Phone', { phoneType: 'Dual Mode for iPhone', deviceName: 'johnjackson12' })).toEqual([
      'deviceName: An iPhone device name is at most 15 characters including TCT; TCTJOHNJACKSON12 has 16.',
    ]);
    expect(said('Phone', { phoneType: 'Dual Mode for iPhone', deviceName: 'j.jackson' })[0]).toMatch(/letters and digits only/);
  });

  it('CTI port and IP Communicator take 1-15 of A-Z a-z 0-9 _ - .; Services Framework letters and digits only', () => {
    expect(said('Phone', { phoneType: 'CTI Port', deviceName: 'cti_port-1.a' })).toEqual([]);
    expect(said('Phone', { phoneType: 'Cisco IP Communicator', deviceName: 'has space' })[0]).toMatch(
      /1 to 15 of A-Z, a-z, 0-9, underscore, hyphen and period/,
    );
    expect(said('Phone', { phoneType: 'CTI Port' })[0]).toMatch(/needs a device name/);
    expect(said('Phone', { phoneType: 'Cisco Services Framework', deviceName: 'csf_jj' })[0]).toMatch(/1 to 15 letters and digits/);
    expect(said('Phone', { phoneType: 'Cisco Services Framework', deviceName: 'CSFJJACKSON' })).toEqual([]);
  });

  it('Extension Mobility only on the 79xx phones the seed lists', () => {
    expect(check('Phone', { phoneType: '7962', enableExtensionMobility: 'yes' }).attributes.enableExtensionMobility).toBe('Yes');
    expect(said('Phone', { phoneType: 'CTI Port', deviceName: 'CTI1', enableExtensionMobility: 'Yes' })[0]).toMatch(/not on CTI Port/);
  });
});

describe('Line attributes (Table 10-1 Line, Table 10-3 Line Type)', () => {
  it('defaults to an auto-assigned line showing the subscriber name', () => {
    expect(check('Line', {}).attributes).toEqual({ lineType: 'Auto-assigned', displayName: 'John Jackson' });
  });

  it('a Chosen Line needs digits only: "cannot include dashes or spaces"', () => {
    expect(check('Line', { lineType: 'Chosen Line', directoryNumber: '5001' }).attributes).toMatchObject({
      lineType: 'Chosen Line',
      directoryNumber: '5001',
    });
    expect(said('Line', { lineType: 'chosen line' })).toEqual(['directoryNumber: A Chosen Line needs a directory number.']);
    expect(said('Extension Mobility Line', { directoryNumber: '50-01' })).toEqual([
      "directoryNumber: A directory number is digits only and cannot include dashes or spaces; got '50-01'.",
    ]);
    expect(said('Line', { lineType: 'Auto-assigned', directoryNumber: '5001' })[0]).toMatch(/gets its number from the system/);
  });

  it('"the display for a line cannot exceed 30 characters", including a name too long to default to', () => {
    expect(said('Line', { displayName: 'x'.repeat(31) })[0]).toMatch(/cannot exceed 30 characters; 'x+' has 31\.$/);
    const long = { ...jane, subscriber: { ...jane.subscriber, firstName: 'Maximiliana Alexandra', lastName: 'Konstantinopoulou' } };
    expect(said('Line', {}, long)[0]).toMatch(/has 39 \(give a shorter display name\)/);
  });
});

describe('other products and advanced attributes', () => {
  it('voicemail and email default from the subscriber record; an email ID cannot contain spaces', () => {
    expect(check('Voicemail', {}).attributes).toEqual({ alias: 'john_jackson', displayName: 'John Jackson' });
    expect(check('Email', {}).attributes).toEqual({ emailId: 'john@acme.example', displayName: 'John Jackson' });
    expect(said('Email', { emailId: 'john jackson' })).toEqual(['emailId: An email ID cannot contain spaces.']);
  });

  it('a Remote Destination Profile needs a name', () => {
    expect(said('Remote Destination Profile', {})[0]).toMatch(/^profileName: /);
    expect(check('Remote Destination Profile', { name: 'RDP-JJ' }).attributes).toEqual({ name: 'RDP-JJ' });
  });

  it('keys match without regard to case; empty values count as not given', () => {
    expect(check('Phone', { PHONETYPE: '7945', macaddress: '' }).attributes).toEqual({ phoneType: '7945' });
  });

  it('refuses an unknown key, naming it, unless the user may use Advanced Order Configuration', () => {
    const refused = check('Phone', { phoneType: '7945', 'Calling Search Space': 'CSS-Internal' });
    expect(refused.problems).toEqual([
      {
        field: 'attributes',
        message:
          '"Calling Search Space" is not an attribute of Phone (Phone takes phoneType, deviceName, macAddress, enableExtensionMobility); other provisioning attributes need the Advanced Ordering role.',
      },
    ]);
    const allowed = check('Phone', { phoneType: '7945', 'Calling Search Space': 'CSS-Internal' }, { ...jane, advanced: true });
    expect(allowed).toEqual({ attributes: { phoneType: '7945', 'Calling Search Space': 'CSS-Internal' }, problems: [] });
    expect(said('Unified Messaging', { $bad: 'x' }, { ...jane, advanced: true })[0]).toMatch(/a provisioning attribute name is a letter/);
  });
});
