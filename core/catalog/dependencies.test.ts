import { describe, expect, it } from 'vitest';
import type { SubscriberProduct } from '../subscribers/subscriber';
import type { ProductType } from './catalog';
import { BUNDLES } from './catalog';
import { cancelSet, ownedWithPhone, planAddItems } from './dependencies';
import { findOrderable, productsOf } from './orderables';

const product = (id: string, type: ProductType, parentId: string | null = null, subscriberLogin = 'jdoe'): SubscriberProduct => ({
  id,
  subscriberLogin,
  domain: 'acme.example',
  type,
  attributes: {},
  parentId,
  shared: false,
  openOrderNumber: null,
  notes: [],
});

/** Jane: a phone with two lines; line 1 has voicemail, email and unified messaging. */
const record = [
  product('phone', 'Phone'),
  product('line1', 'Line', 'phone'),
  product('line2', 'Line', 'phone'),
  product('vm1', 'Voicemail', 'line1'),
  product('em1', 'Email', 'line1'),
  product('um1', 'Unified Messaging', 'em1'),
];

describe('product dependencies ("Line requires an existing Phone ...")', () => {
  it('a bundle hangs each product on the one before it that it needs', () => {
    expect(planAddItems(BUNDLES['Unified Messaging Service'], 'jdoe', [], undefined)).toEqual([
      { itemNumber: 1, type: 'Phone', parentItemNumber: null, parentProductId: null },
      { itemNumber: 2, type: 'Line', parentItemNumber: 1, parentProductId: null },
      { itemNumber: 3, type: 'Voicemail', parentItemNumber: 2, parentProductId: null },
      { itemNumber: 4, type: 'Email', parentItemNumber: 2, parentProductId: null },
      { itemNumber: 5, type: 'Unified Messaging', parentItemNumber: 4, parentProductId: null },
    ]);
  });

  it('Phone Service is a phone with a line on it ("Consists of a phone and phone lines")', () => {
    expect(findOrderable('phone  service')).toBe('Phone Service');
    expect(planAddItems(productsOf('Phone Service'), 'jdoe', [], undefined)).toEqual([
      { itemNumber: 1, type: 'Phone', parentItemNumber: null, parentProductId: null },
      { itemNumber: 2, type: 'Line', parentItemNumber: 1, parentProductId: null },
    ]);
  });

  it("a Line goes on the subscriber's only phone; without one, the dependency is named", () => {
    expect(planAddItems(['Line'], 'jdoe', record, undefined)[0]).toMatchObject({ parentProductId: 'phone' });
    expect(() => planAddItems(['Voicemail'], 'jdoe', [], undefined)).toThrow(
      expect.objectContaining({ code: 'DEPENDENCY_MISSING', details: { product: 'Voicemail', requires: ['Line'] } }),
    );
    expect(() => planAddItems(['Extension Mobility Line'], 'jdoe', record, undefined)).toThrow(
      expect.objectContaining({
        code: 'DEPENDENCY_MISSING',
        details: { product: 'Extension Mobility Line', requires: ['Extension Mobility Access'] },
      }),
    );
  });

  it('Voicemail and Email go on the line that has none yet, or the one named; two free lines need naming', () => {
    expect(planAddItems(BUNDLES['Voicemail and Email'], 'jdoe', record, undefined).map((i) => i.parentProductId)).toEqual([
      'line2',
      'line2',
    ]);
    const twoFree = record.filter((p) => p.id === 'phone' || p.id.startsWith('line'));
    expect(() => planAddItems(['Voicemail'], 'jdoe', twoFree, undefined)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'parentProductId', message: expect.stringMatching(/line1, line2\): name the one it goes on\.$/) }] },
      }),
    );
    expect(planAddItems(['Voicemail'], 'jdoe', twoFree, 'line1')[0]!.parentProductId).toBe('line1');
  });

  it('refuses a second voicemail on a line, a parent of the wrong type, and an unknown parent', () => {
    expect(() => planAddItems(['Voicemail'], 'jdoe', record, 'line1')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => planAddItems(['Voicemail'], 'jdoe', record, 'phone')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'parentProductId', message: 'Product phone is a Phone; a Voicemail goes on a Line.' }] },
      }),
    );
    expect(() => planAddItems(['Line'], 'jdoe', record, 'nope')).toThrow(expect.objectContaining({ code: 'PRODUCT_NOT_FOUND' }));
  });

  it("a Line on a Shared Phone goes on another subscriber's phone, named", () => {
    const theirs = product('rphone', 'Phone', null, 'rroe');
    expect(planAddItems(['Line on a Shared Phone'], 'jdoe', [...record, theirs], 'rphone')[0]!.parentProductId).toBe('rphone');
    expect(() => planAddItems(['Line on a Shared Phone'], 'jdoe', record, undefined)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => planAddItems(['Line on a Shared Phone'], 'jdoe', record, 'phone')).toThrow(
      expect.objectContaining({
        details: { fields: [{ field: 'parentProductId', message: "Phone phone is jdoe's own phone: order a Line on it instead." }] },
      }),
    );
  });

  it("any other product goes only on the subscriber's own: not a plain Line on someone else's phone, nor voicemail on their line", () => {
    const theirs = [product('rphone', 'Phone', null, 'rroe'), product('rline', 'Line', 'rphone', 'rroe')];
    expect(() => planAddItems(['Line'], 'jdoe', [...record, ...theirs], 'rphone')).toThrow(
      expect.objectContaining({
        details: {
          fields: [
            {
              field: 'parentProductId',
              message: "Phone rphone belongs to rroe, not jdoe: a Line goes on jdoe's own Phone, or order a Line on a Shared Phone.",
            },
          ],
        },
      }),
    );
    expect(() => planAddItems(['Voicemail'], 'jdoe', [...record, ...theirs], 'rline')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('cancel cascade (Table 10-5)', () => {
  const ids = (p: SubscriberProduct, all = record) => cancelSet(p, all).map((x) => x.id);

  it('a phone takes its lines and their voicemail, email and unified messaging, deepest first', () => {
    expect(ids(record[0]!)).toEqual(['um1', 'vm1', 'em1', 'line1', 'line2', 'phone']);
  });

  it('a line takes what hangs on it, not its phone or the other line', () => {
    expect(ids(record[1]!)).toEqual(['um1', 'vm1', 'em1', 'line1']);
    expect(ids(record[2]!)).toEqual(['line2']);
  });

  it('voicemail takes the email and unified messaging on its line ("Voicemail: Email, Unified Messaging")', () => {
    expect(ids(record[3]!)).toEqual(['um1', 'em1', 'vm1']);
    expect(ids(record[4]!)).toEqual(['um1', 'vm1', 'em1']);
    expect(ids(record[5]!)).toEqual(['um1']);
  });

  it('a Remote Destination Profile takes its line; Extension Mobility Access its line', () => {
    const rdp = [product('rdp', 'Remote Destination Profile'), product('rdpl', 'Remote Destination Profile Line', 'rdp')];
    expect(ids(rdp[0]!, rdp)).toEqual(['rdpl', 'rdp']);
    const em = [product('ema', 'Extension Mobility Access'), product('eml', 'Extension Mobility Line', 'ema')];
    expect(ids(em[0]!, em)).toEqual(['eml', 'ema']);
  });

  it('change of owner moves the phone first, then everything on it', () => {
    expect(ownedWithPhone(record[0]!, record).map((p) => p.id)).toEqual(['phone', 'line2', 'line1', 'em1', 'vm1', 'um1']);
  });
});
