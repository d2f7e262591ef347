import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';

const ok = (text: string) => {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(`expected ${text} to parse, got: ${r.problem}`);
  return r.command;
};
const problem = (text: string) => {
  const r = parseCommand(text);
  return r.ok ? `parsed as ${JSON.stringify(r.command)}` : r.problem;
};

describe('order', () => {
  it('alone opens the form; with only a login, the form for that subscriber', () => {
    expect(ok('order')).toEqual({ kind: 'order-form' });
    expect(ok('ORDER   jdoe ')).toEqual({ kind: 'order-form', subscriberLogin: 'jdoe' });
  });

  it('splits a one-line bundle order: each bare key goes to the products that know it, continuation words join a value', () => {
    expect(
      ok(
        'order jdoe Enhanced Phone Service phoneType=7945 macAddress=00AABBCCDDEE lineType=Chosen Line directoryNumber=5001 displayName=Jane Doe',
      ),
    ).toEqual({
      kind: 'order',
      subscriberLogin: 'jdoe',
      orderable: 'Enhanced Phone Service',
      attributes: {
        Phone: { phoneType: '7945', macAddress: '00AABBCCDDEE' },
        Line: { lineType: 'Chosen Line', directoryNumber: '5001', displayName: 'Jane Doe' },
        Voicemail: { displayName: 'Jane Doe' },
      },
    });
  });

  it('matches the longest catalog name, case-insensitively, when a shorter one is its prefix', () => {
    expect(ok('order jdoe line on a shared phone parent=prod-9')).toMatchObject({
      orderable: 'Line on a Shared Phone',
      parentProductId: 'prod-9',
      attributes: {},
    });
    expect(ok('order jdoe Line on a Shared Phone parentProductId=prod-9')).toMatchObject({ parentProductId: 'prod-9', attributes: {} });
    expect(ok('order jdoe Voicemail and Email')).toMatchObject({ orderable: 'Voicemail and Email' });
    expect(ok('order jdoe phone service phoneType=7945 directoryNumber=5001')).toMatchObject({
      orderable: 'Phone Service',
      attributes: { Phone: { phoneType: '7945' }, Line: { directoryNumber: '5001' } },
    });
    expect(ok('order jdoe Voicemail alias=jdoe')).toMatchObject({ orderable: 'Voicemail', attributes: { Voicemail: { alias: 'jdoe' } } });
    expect(ok('order jdoe Remote Destination Profile Line lineType=Auto-assigned')).toMatchObject({
      orderable: 'Remote Destination Profile Line',
    });
    expect(ok('order jdoe "Extension Mobility Access with Line"')).toMatchObject({ orderable: 'Extension Mobility Access with Line' });
  });

  it('sends a product-prefixed key only to that product, over a bare one, and spells known keys as the catalog does', () => {
    const c = ok('order jdoe Messaging Service displayname="Jane  Doe" Email.displayName=JD Phone.description="desk = 3"');
    expect(c).toMatchObject({
      attributes: {
        Line: { displayName: 'Jane  Doe' },
        Voicemail: { displayName: 'Jane  Doe' },
        Email: { displayName: 'JD' },
        Phone: { description: 'desk = 3' },
      },
    });
    expect(ok('order jdoe Extension Mobility Access with Line ExtensionMobilityLine.directoryNumber=5002')).toMatchObject({
      attributes: { 'Extension Mobility Line': { directoryNumber: '5002' } },
    });
  });

  it('takes delivery= as the requested delivery date and passes unknown keys of a single product to the core', () => {
    expect(ok('order jdoe Phone phoneType=7945 delivery=2026-12-01 ringTone=Chirp1')).toEqual({
      kind: 'order',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      requestedDeliveryDate: '2026-12-01',
      attributes: { Phone: { phoneType: '7945', ringTone: 'Chirp1' } },
    });
  });

  it('accepts curly quotes as Slack and Teams clients type them', () => {
    expect(ok('order jdoe Email emailId=jdoe displayName=“Jane Doe”')).toMatchObject({
      attributes: { Email: { emailId: 'jdoe', displayName: 'Jane Doe' } },
    });
  });

  it.each([
    ['order jdoe Enhanced Fone Service', /^"Enhanced Fone Service" is not something I can order\. Did you mean Enhanced Phone Service\?$/],
    ['order jdoe Fone', /^"Fone" is not something I can order\. Did you mean Phone( or [A-Z][a-z]+)?\?$/],
    ['order jdoe Toaster', /"Toaster" is not something I can order; you can order Enhanced Phone Service, .*Line on a Shared Phone/],
    ['order jdoe Line on phone', /I read "Line" as what to order; "on phone" after it is not key=value/],
    ['order jdoe phoneType=7945', /Say what to order before its attributes/],
    ['order jd/oe Phone', /"jd\/oe" is not a valid subscriber login/],
    ['order <@U123ABC> Phone', /login \(e\.g\. jdoe\), not a chat mention/],
    ['order jdoe Enhanced Phone Service Email.emailId=x', /Enhanced Phone Service has no Email; its products are Phone, Line, Voicemail/],
    ['order jdoe Enhanced Phone Service Fax.x=1', /"Fax" is not a product; prefix a key with one of Phone, Line, Voicemail/],
    [
      'order jdoe Enhanced Phone Service ringTone=x',
      /No product of Enhanced Phone Service has a basic attribute "ringTone".*e\.g\. Phone\.ringTone=/,
    ],
    ['order jdoe Phone phoneType=7945 PHONETYPE=7911', /"PHONETYPE" is given twice/],
    ['order jdoe Phone phoneType=', /"phoneType=" has no value/],
    ['order jdoe Phone =7945', /"=7945" has no name before "="/],
    ['order jdoe Phone phone!type=1', /"phone!type" is not a valid attribute name/],
    ['order jdoe Phone delivery=2026-02-30', /"2026-02-30" is not a valid requested delivery date: not a calendar date/],
    ['order jdoe Phone displayName="Jane', /A quote \("\) is not closed/],
  ])('%s is refused with a specific problem', (text, expected) => {
    expect(problem(text)).toMatch(expected);
  });
});
