import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import { presentDomainRules } from './present-domain-rules';
import { presentError } from './present-error';
import { presentNoteAdded } from './present-note-added';
import { presentPlacedOrder } from './present-placed-order';
import { presentSearchResults } from './present-search-results';
import { presentSubscriberRecord } from './present-subscriber-record';
import { presentWorkOrder } from './present-work-order';
import { viewToText } from './view';
import { anActivity, aProduct, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';

const failed = aWorkOrder({
  extendedStatus: 'Unrecoverable Error',
  failure: { productType: 'Voicemail', kind: 'unrecoverable', message: 'mailbox store is full' },
});

describe('presentPlacedOrder', () => {
  it('gives the number, kind, subscriber, items, status and whom the order waits for', () => {
    const view = presentPlacedOrder({ order: aWorkOrder(), activities: [anActivity()] });
    expect(view.title).toBe('Order WO-000123 placed');
    const text = viewToText(view);
    expect(text).toContain('Add Enhanced Phone Service for jdoe.');
    expect(text).toContain('It is waiting for approval by the Approval group in acme.example.');
    expect(text).toContain('Status: Released · Waiting for Approval');
    expect(view.sections?.map((s) => s.heading)).toEqual(['Item 1: Phone', 'Item 2: Line', 'Item 3: Voicemail']);
    expect(view.sections?.[1]?.fields).toEqual([
      { label: 'Line type', value: 'Chosen Line' },
      { label: 'Directory number', value: '4001' },
      { label: 'Display name', value: 'Jane Doe' },
    ]);
  });

  it('says a cancel order takes the associated products with it', () => {
    const order = aWorkOrder({ kind: 'Cancel', orderable: null, extendedStatus: 'Being Provisioned' });
    expect(viewToText(presentPlacedOrder({ order, activities: [] }))).toContain(
      'Cancel Phone and 2 associated products for jdoe.\nIt is being provisioned.',
    );
  });

  it("a failed chat order stays Released with retry and abort advice for the platform's prefix", () => {
    const view = presentPlacedOrder({ order: failed, activities: [] }, { prefix: '/prov ' });
    expect(view.tone).toBe('error');
    expect(view.paragraphs).toContain(
      'Type "/prov retry WO-000123" to try again, or "/prov abort WO-000123" to stop here and put it on Hold.',
    );
  });
});

describe('presentWorkOrder', () => {
  it('shows the order with its activities, who decided and when', () => {
    const decided = anActivity({
      status: 'Done',
      decidedBy: { name: 'Alice', email: null, channel: 'email' },
      decidedAt: new Date('2026-11-23T11:00:00Z'),
      note: 'ok for Q4',
    });
    const open = anActivity({
      id: 'act-2',
      kind: 'Assignment',
      assignee: { kind: 'user', email: 'sam@acme.example' },
      status: 'Accepted',
      acceptedBy: { name: 'Sam', email: null },
    });
    const view = presentWorkOrder({
      order: aWorkOrder({ extendedStatus: 'Waiting for Assignment' }),
      activities: [decided, open],
      subscriber: aSubscriber(),
      assigneeNames: {},
    });
    expect(view.title).toBe('Work order WO-000123');
    const text = viewToText(view);
    expect(text).toContain('Add Enhanced Phone Service for Jane Doe.');
    expect(text).toContain('It is waiting for assignment by sam@acme.example (accepted by Sam).');
    expect(text).toContain('Placed by: Olivia Orderer <olivia@acme.example> in Slack');
    expect(view.sections?.map((s) => s.heading).slice(3)).toEqual([
      'Approval: approved by Alice at 2026-11-23 11:00 UTC',
      'Assignment: accepted by Sam',
    ]);
    expect(text).toContain('Note: ok for Q4');
  });

  it('after retry or abort, the title says what was done and where the order stands', () => {
    const onHold = aWorkOrder({ state: 'Hold', extendedStatus: 'Unrecoverable Error', failure: failed.failure });
    const view = presentWorkOrder({ order: onHold, activities: [], subscriber: null, assigneeNames: {} }, { after: 'aborted' });
    expect(view.title).toBe('Work order WO-000123 aborted: Hold · Unrecoverable Error');
    expect(view.paragraphs).toContain('The order is on Hold; nothing more will be done with it.');
    expect(viewToText(view)).not.toContain('retry');
    const done = presentWorkOrder(
      { order: aWorkOrder({ state: 'Completed', extendedStatus: null }), activities: [], subscriber: null, assigneeNames: {} },
      { after: 'retried' },
    );
    expect(done.title).toBe('Work order WO-000123 retried: Completed');
    expect(done.tone).toBe('success');
  });

  it('names the person an activity is assigned to as the directory does, the address beside it; a group or someone it lacks as before', () => {
    const approval = anActivity({ status: 'Done', decidedBy: { name: 'Alice', email: null, channel: 'slack' } });
    const shipping = anActivity({ id: 'act-2', kind: 'Shipping', assignee: { kind: 'user', email: 'sam@acme.example' } });
    const receiving = anActivity({
      id: 'act-3',
      kind: 'Receiving',
      status: 'Withdrawn',
      assignee: { kind: 'user', email: 'rita@acme.example' },
    });
    const view = presentWorkOrder({
      order: aWorkOrder({ extendedStatus: 'Waiting for Shipping' }),
      activities: [approval, shipping, receiving],
      subscriber: aSubscriber(),
      assigneeNames: { 'sam@acme.example': 'Sam Shipper' },
    });
    const assignedTo = view.sections?.slice(3).map((s) => s.fields?.find((f) => f.label === 'Assigned to')?.value);
    expect(assignedTo).toEqual(['the Approval group in acme.example', 'Sam Shipper (sam@acme.example)', 'rita@acme.example']);
    expect(viewToText(view)).toContain('It is waiting for shipping by Sam Shipper (sam@acme.example).');
  });
});

describe('presentSearchResults', () => {
  it('lists each order with its status and reads the criteria back', () => {
    const view = presentSearchResults([aWorkOrder(), aWorkOrder({ number: 'WO-000100', state: 'Completed', extendedStatus: null })], {
      criteria: { subscriberLogin: 'jdoe', state: 'Released' },
      limit: 20,
    });
    expect(view.title).toBe('2 work orders found');
    expect(view.paragraphs[0]).toBe('Searched for login jdoe, status Released.');
    expect(view.sections?.map((s) => s.heading)).toEqual([
      'WO-000123: Add Enhanced Phone Service for jdoe',
      'WO-000100: Add Enhanced Phone Service for jdoe',
    ]);
  });

  it('says when the list was cut at the limit, and when nothing matched', () => {
    expect(presentSearchResults([aWorkOrder()], { criteria: {}, limit: 1 }).footnote).toBe(
      'Showing the newest 1; add criteria to narrow the search.',
    );
    expect(presentSearchResults([], { criteria: { domain: 'other.example' }, limit: 20 }).title).toBe('No work orders found');
  });
});

describe('presentSubscriberRecord', () => {
  const record = {
    subscriber: aSubscriber(),
    products: [
      aProduct({ id: 'prod-vm', type: 'Voicemail', attributes: {}, parentId: 'prod-line' }),
      aProduct({
        id: 'prod-line',
        type: 'Line',
        attributes: { directoryNumber: '5001' },
        parentId: 'prod-phone',
        openOrderNumber: 'WO-000130',
      }),
      aProduct({ notes: [{ text: 'Desk 4', author: 'Olivia', at: new Date('2026-11-02T08:00:00Z') }] }),
      aProduct({ id: 'prod-shared', shared: true, attributes: {} }),
    ],
    orders: [
      {
        number: 'WO-000130',
        kind: 'Change',
        state: 'Released',
        extendedStatus: 'Being Provisioned',
        createdAt: new Date('2026-11-20T09:00:00Z'),
      },
    ],
  };

  it('lists products under the one they hang on, marks those with an order running, and shows notes and orders', () => {
    const view = presentSubscriberRecord(record);
    expect(view.title).toBe('Jane Doe (jdoe)');
    expect(view.sections?.map((s) => s.heading)).toEqual(['Phone', '  └ (i) Line', '    └ Voicemail', 'Phone (shared)', 'Orders']);
    expect(view.sections?.[0]?.note).toBe('Note by Olivia, 2026-11-02 08:00 UTC: Desk 4');
    expect(view.sections?.[1]?.fields).toContainEqual({ label: 'Order running', value: 'WO-000130' });
    expect(view.sections?.[4]?.fields).toEqual([{ label: 'WO-000130', value: 'Change · Released · Being Provisioned · 2026-11-20' }]);
    expect(view.footnote).toMatch(/^\(i\): the product has an order running against it/);
  });

  it('says when the subscriber has no products, without the marker legend', () => {
    const view = presentSubscriberRecord({ subscriber: aSubscriber(), products: [], orders: [] });
    expect(view.paragraphs).toEqual(['No products yet.']);
    expect(view.footnote).toBeUndefined();
  });
});

describe('presentDomainRules', () => {
  const rules = {
    domain: 'acme.example',
    isAuthorizationRequiredForAddOrder: true,
    isAuthorizationRequiredForChangeOrder: false,
    isAuthorizationRequiredForCancelOrder: false,
    phoneAssignmentDoneBy: { kind: 'group' as const, role: 'Assignment' as const },
    phoneShippingDoneBy: null,
    phoneReceiptDoneBy: { kind: 'user' as const, email: 'rita@acme.example' },
    allowAuthorToApprove: false,
  };

  it('shows every rule in words, never a camelCase name, with the keys "rules set" takes, marking what just changed', () => {
    const view = presentDomainRules(rules, { changed: ['phoneShippingDoneBy'] });
    expect(view.title).toBe('Business rules of acme.example changed');
    expect(view.fields).toEqual([
      { label: 'Approval needed for Add orders', value: 'true: add orders need approval' },
      { label: 'Approval needed for Change orders', value: 'false: change orders need no approval' },
      { label: 'Approval needed for Cancel orders', value: 'false: cancel orders need no approval' },
      { label: 'Phone assignment done by', value: 'group:Assignment (who assigns MAC addresses to phones)' },
      { label: 'Phone shipping done by', value: 'none: the step is skipped (who ships phones) (changed)' },
      { label: 'Phone receipt done by', value: 'rita@acme.example (who confirms phones were received)' },
      {
        label: 'Author may approve own orders',
        value: 'false: whoever placed an order may not approve it while someone else here holds the Approval role',
      },
    ]);
    expect(view.footnote).toBe(
      'Change one with "rules acme.example set <rule> <value>": add-approval, change-approval, cancel-approval, author-approves take true or false; assignment-by, shipping-by, receipt-by take none, group:<Role> or an email address.',
    );
    expect(JSON.stringify(view)).not.toMatch(/[a-z][A-Z]/);
  });
});

describe('presentNoteAdded', () => {
  it('echoes the note with its author and time', () => {
    const text = viewToText(
      presentNoteAdded({ text: 'Moved to desk 5', author: 'Olivia', at: new Date('2026-11-24T09:15:00Z') }, 'prod-phone'),
    );
    expect(text).toContain('Note added to product prod-phone\nMoved to desk 5');
    expect(text).toContain('At: 2026-11-24 09:15 UTC');
  });
});

describe('words for the order workflow errors', () => {
  it.each([
    [
      new CoreError('DEPENDENCY_MISSING', { product: 'Voicemail', requires: ['Line'] }),
      'Voicemail needs a Line: order a Line first, or order a bundle that includes one.',
    ],
    [
      new CoreError('DEPENDENCY_MISSING', { product: 'Extension Mobility Line', requires: ['Extension Mobility Access'] }),
      'Extension Mobility Line needs an Extension Mobility Access: order an Extension Mobility Access first',
    ],
    [
      new CoreError('STALE', { orderNumber: 'WO-000123', currentVersion: 7 }),
      'This card is out of date: order WO-000123 has changed since. Here it is as it stands now.',
    ],
    [new CoreError('WORK_ORDER_NOT_FOUND', { orderNumber: 'WO-000999' }), "I can't find work order WO-000999."],
    [new CoreError('SUBSCRIBER_NOT_FOUND', { login: 'jdoe' }), "I can't find a subscriber with the login jdoe."],
    [new CoreError('PRODUCT_NOT_FOUND', { productId: 'prod-x' }), '"subscriber <login>" lists a subscriber\'s products with their ids.'],
    [new CoreError('ACTIVITY_NOT_FOUND', { activityId: 'act-x' }), "I can't find that activity."],
  ])('%s', (err, words) => {
    expect(presentError(err, 'r1').paragraphs[0]).toContain(words);
  });
});
