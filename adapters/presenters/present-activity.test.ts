import { describe, expect, it } from 'vitest';
import { presentActivities } from './present-activities';
import { presentActivity } from './present-activity';
import { presentActivityActed } from './present-activity-acted';
import { parseActivityActionValue, viewToText } from './view';
import { anActivity, anActivityView, aWorkOrder } from '../../test/fixtures/workflow-values';

const decidedAt = new Date('2026-11-23T11:30:00Z');

describe('presentActivity', () => {
  it('offers one button per allowed action: Approve primary and first, Reject order asking a reason, Accept quiet', () => {
    const view = presentActivity(anActivityView({ allowed: ['delegate', 'reject', 'approve', 'accept'] }));
    expect(view.title).toBe('Approval needed: WO-000123 (Add Enhanced Phone Service for Jane Doe)');
    expect(view.actions?.map((a) => [a.id, a.label, a.style, a.input])).toEqual([
      ['activity.approve', 'Approve', 'primary', undefined],
      ['activity.reject', 'Reject order', 'danger', 'reject-reason'],
      ['activity.accept', 'Accept', 'default', undefined],
      ['activity.delegate', 'Delegate', 'default', 'delegate-to'],
    ]);
    expect(view.actions?.map((a) => parseActivityActionValue(a.value))).toEqual(Array(4).fill({ activityId: 'act-1', orderVersion: 1 }));
    const text = viewToText(view);
    expect(text).toContain('Subscriber: Jane Doe (jdoe)');
    expect(text).toContain(
      'Products: Phone (7945, SEP001122334455, 001122334455), Line (Chosen Line, 4001, Jane Doe), Voicemail (jdoe, Jane Doe)',
    );
    expect(text).toContain('Assigned to: the Approval group in acme.example');
  });

  it('names a person it is assigned to as the directory does, the address beside it, on the card and when one may only look', () => {
    const activity = anActivity({ kind: 'Shipping', assignee: { kind: 'user', email: 'shane@acme.example' } });
    const named = viewToText(presentActivity(anActivityView({ activity, allowed: [], assigneeName: 'Shane Shipper' })));
    expect(named).toContain('Assigned to: Shane Shipper (shane@acme.example)');
    expect(named).toContain('It is assigned to Shane Shipper (shane@acme.example); you can see it but not act on it.');
    expect(viewToText(presentActivity(anActivityView({ activity, assigneeName: null })))).toContain('Assigned to: shane@acme.example');
  });

  it('asks for the MAC address when completing an assignment, and lets the assignee hand it back, not in red', () => {
    const view = presentActivity(
      anActivityView({
        activity: anActivity({ kind: 'Assignment', status: 'Accepted', acceptedBy: { name: 'Sam', email: null } }),
        allowed: ['decline', 'complete'],
      }),
    );
    expect(view.title).toMatch(/^Assignment needed: WO-000123/);
    expect(view.actions?.map((a) => [a.id, a.label, a.style, a.input])).toEqual([
      ['activity.complete', 'Step Complete', 'primary', 'mac-address'],
      ['activity.decline', 'Hand back', 'default', undefined],
    ]);
    expect(viewToText(view)).toContain('Accepted by: Sam');
    expect(viewToText(view)).toMatch(/MAC address \(12 hexadecimal characters/);
  });

  it('completing shipping needs no input', () => {
    const view = presentActivity(anActivityView({ activity: anActivity({ kind: 'Shipping' }), allowed: ['complete'] }));
    expect(view.actions).toEqual([{ id: 'activity.complete', label: 'Step Complete', value: 'act-1@1', style: 'primary' }]);
  });

  it("shows someone else's activity without buttons and says whom it is assigned to", () => {
    const view = presentActivity(
      anActivityView({ activity: anActivity({ assignee: { kind: 'user', email: 'rita@acme.example' } }), allowed: [] }),
    );
    expect(view.actions).toBeUndefined();
    expect(view.paragraphs).toEqual(['It is assigned to rita@acme.example; you can see it but not act on it.']);
  });

  it.each([
    [
      anActivity({ status: 'Done', decidedBy: { name: 'Alice', email: null, channel: 'email' }, decidedAt }),
      'Approved by Alice at 2026-11-23 11:30 UTC',
    ],
    [
      anActivity({ status: 'Rejected', decidedBy: { name: 'Alice', email: null, channel: 'slack' }, decidedAt }),
      'Rejected by Alice at 2026-11-23 11:30 UTC',
    ],
    [
      anActivity({ kind: 'Shipping', status: 'Done', decidedBy: { name: 'Sam', email: null, channel: 'teams' }, decidedAt }),
      'Completed by Sam at 2026-11-23 11:30 UTC',
    ],
  ])('a decided activity says who decided when, with no buttons even if actions were allowed', (activity, title) => {
    const view = presentActivity(anActivityView({ activity, allowed: ['approve'] }));
    expect(view.title).toBe(title);
    expect(view.actions).toBeUndefined();
  });

  it('a withdrawn activity says the order ended', () => {
    const view = presentActivity(
      anActivityView({ activity: anActivity({ status: 'Withdrawn' }), order: aWorkOrder({ state: 'Cancelled', extendedStatus: null }) }),
    );
    expect(view.title).toBe('No longer needed: WO-000123 (Add Enhanced Phone Service for Jane Doe)');
    expect(view.actions).toBeUndefined();
  });
});

describe('presentActivities', () => {
  it('says so when nothing is waiting', () => {
    const view = presentActivities([]);
    expect(viewToText(view)).toContain('Nothing is waiting for you');
    expect(view.sections).toBeUndefined();
  });

  it('lists one section per activity, the first five with the same buttons as the message each arrived in', () => {
    const views = Array.from({ length: 7 }, (_, i) =>
      anActivityView({
        activity: anActivity({ id: `act-${i}` }),
        order: aWorkOrder({ number: `WO-00010${i}` }),
        allowed: i === 1 ? [] : ['approve', 'accept'],
      }),
    );
    const view = presentActivities(views);
    expect(view.title).toBe('My activities (7)');
    expect(view.sections?.map((s) => s.heading)).toContain('Approval: WO-000102 (Add Enhanced Phone Service for Jane Doe)');
    expect(view.sections?.[1]?.note).toBe('You can see it but not act on it.');
    expect(view.actions).toBeUndefined();
    expect(view.sections?.map((s) => s.actions?.map((a) => `${a.label} ${a.value}`))).toEqual([
      ['Approve act-0@1', 'Accept act-0@1'],
      undefined,
      ['Approve act-2@1', 'Accept act-2@1'],
      ['Approve act-3@1', 'Accept act-3@1'],
      ['Approve act-4@1', 'Accept act-4@1'],
      undefined,
      undefined,
    ]);
    expect(view.sections?.[0]?.actions?.[0]).toEqual(presentActivity(views[0]!).actions?.[0]);
    expect(view.footnote).toMatch(/first 5/);
  });
});

describe('presentActivityActed', () => {
  it('confirms an approval and names the next step and its assignee', () => {
    const acted = {
      activity: anActivity({ status: 'Done', decidedBy: { name: 'Alice', email: null, channel: 'slack' as const }, decidedAt }),
      order: aWorkOrder({ extendedStatus: 'Waiting for Assignment', version: 5 }),
      opened: [anActivity({ id: 'act-2', kind: 'Assignment', assignee: { kind: 'group', role: 'Assignment' } })],
    };
    const view = presentActivityActed(acted, 'approve');
    expect(view.title).toBe('You approved WO-000123');
    expect(view.paragraphs).toContain('Next: assignment, assigned to the Assignment group in acme.example.');
    expect(view.tone).toBe('success');
  });

  it('confirms a rejection: the order is cancelled and nothing is provisioned', () => {
    const acted = {
      activity: anActivity({ status: 'Rejected' }),
      order: aWorkOrder({ state: 'Cancelled', extendedStatus: null }),
      opened: [],
    };
    const view = presentActivityActed(acted);
    expect(view.title).toBe('You rejected WO-000123');
    expect(view.tone).toBe('warning');
    expect(view.paragraphs).toContain('It was rejected and is cancelled: nothing is provisioned.');
  });

  it('confirms a delegation with the new assignee', () => {
    const acted = { activity: anActivity({ assignee: { kind: 'user', email: 'bob@acme.example' } }), order: aWorkOrder(), opened: [] };
    const view = presentActivityActed(acted, 'delegate');
    expect(view.title).toBe('You delegated the approval activity of WO-000123');
    expect(view.paragraphs).toContain('It is now assigned to bob@acme.example.');
  });

  it('names the person a delegation went to, with their address beside the name', () => {
    const activity = anActivity({ assignee: { kind: 'user', email: 'anna@acme.example' } });
    const view = presentActivityActed({ activity, order: aWorkOrder(), opened: [], assigneeName: 'Anna Admin' }, 'delegate');
    expect(view.paragraphs).toContain('It is now assigned to Anna Admin (anna@acme.example).');
  });

  it('confirms a completed assignment with the MAC address, and offers retry and abort when provisioning then failed', () => {
    const acted = {
      activity: anActivity({ kind: 'Assignment', status: 'Done', macAddress: '00AABBCCDDEE' }),
      order: aWorkOrder({
        extendedStatus: 'Recoverable Error',
        failure: { productType: 'Line', kind: 'recoverable', message: 'call processor timed out' },
      }),
      opened: [],
    };
    const text = viewToText(presentActivityActed(acted, 'complete', { prefix: '/prov ' }));
    expect(text).toContain('You completed the assignment activity of WO-000123');
    expect(text).toContain('MAC address 00AABBCCDDEE is recorded for the phone.');
    expect(text).toContain('Provisioning the Line failed with a recoverable error: call processor timed out');
    expect(text).toContain('Type "/prov retry WO-000123" to try again, or "/prov abort WO-000123" to stop here and put it on Hold.');
  });
});
