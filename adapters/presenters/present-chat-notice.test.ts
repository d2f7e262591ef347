import { describe, expect, it } from 'vitest';
import type { ActivityMessage, DigestNotice, SystemNotice } from '../../core/index';
import { anActivity, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import { formatAge, formatMinutes } from './durations';
import { presentChatNotice } from './present-chat-notice';
import type { ChatNoticeOptions } from './present-chat-notice';
import { parseActivityActionValue, viewToText } from './view';

const NOW = new Date('2026-11-23T13:05:00Z');
const options: ChatNoticeOptions = { now: NOW, prefix: '/prov ', maxItems: 20, audience: 'channel' };

/** Activity n: WO-00010n, opened n hours before 13:05. */
const item = (n: number, over: Partial<ReturnType<typeof anActivity>> = {}): ActivityMessage => ({
  activity: anActivity({
    id: `act-${n}`,
    orderNumber: `WO-${String(n).padStart(6, '0')}`,
    createdAt: new Date(NOW.getTime() - n * 3_600_000 - 5 * 60_000),
    ...over,
  }),
  order: aWorkOrder({ number: `WO-${String(n).padStart(6, '0')}`, version: 3 }),
  subscriber: aSubscriber(),
});
const digest = (items: ActivityMessage[], eventType: DigestNotice['eventType'] = 'Approval'): DigestNotice => ({
  kind: 'digest',
  eventType,
  domain: 'acme.example',
  group: 'Approval',
  items,
});
const decided = {
  status: 'Done' as const,
  decidedBy: { name: 'Alice', email: null, channel: 'slack' as const },
  decidedAt: new Date('2026-11-23T12:00:00Z'),
};

describe('an activity notice', () => {
  it("carries an assignee's buttons for the activity and order version", () => {
    const view = presentChatNotice({ kind: 'activity', ...item(1), escalatedAfterMinutes: null }, options);
    expect(view.title).toBe('Approval needed: WO-000001 (Add Enhanced Phone Service for Jane Doe)');
    expect(view.actions?.map((a) => a.id)).toEqual(['activity.approve', 'activity.reject', 'activity.accept', 'activity.delegate']);
    expect(parseActivityActionValue(view.actions![0]!.value)).toEqual({ activityId: 'act-1', orderVersion: 3 });
  });

  it('says, first, that it is escalated and after how long, and keeps the buttons', () => {
    const view = presentChatNotice({ kind: 'activity', ...item(1), escalatedAfterMinutes: 120 }, options);
    expect(view.title).toBe('Escalated: Approval needed: WO-000001 (Add Enhanced Phone Service for Jane Doe)');
    expect(view.tone).toBe('warning');
    expect(view.paragraphs[0]).toBe('Nobody acted on this approval activity within 2 hours, so it comes to the administrators.');
    expect(view.actions?.map((a) => a.id)).toContain('activity.approve');
  });

  it('drops the banner once the activity is decided: the escalated copy then shows who decided', () => {
    const view = presentChatNotice({ kind: 'activity', ...item(1, decided), escalatedAfterMinutes: 120 }, options);
    expect(view.title).toBe('Approved by Alice at 2026-11-23 12:00 UTC');
    expect(viewToText(view)).not.toMatch(/Escalated|Nobody acted/);
    expect(view.actions).toBeUndefined();
  });
});

describe('a digest', () => {
  it('counts what is waiting, lists each item with its order, subscriber, kind, status and age, oldest first, with its own buttons', () => {
    const view = presentChatNotice(digest([item(3), item(2, decided), item(1)]), options);
    expect(view.title).toBe('2 order approvals waiting in acme.example');
    expect(view.paragraphs).toEqual([
      'For the Approval notification group, oldest first.',
      'One was handled meanwhile and is shown with the outcome.',
    ]);
    expect(view.sections?.map((s) => [s.heading, ...s.fields.map((f) => `${f.label}: ${f.value}`)])).toEqual([
      ['WO-000003: Add Enhanced Phone Service for Jane Doe', 'Status: open', 'Waiting: 3 h 5 min'],
      ['WO-000002: Add Enhanced Phone Service for Jane Doe', 'Status: approved by Alice at 2026-11-23 12:00 UTC', 'Arrived: 2 h 5 min ago'],
      ['WO-000001: Add Enhanced Phone Service for Jane Doe', 'Status: open', 'Waiting: 1 h 5 min'],
    ]);
    expect(view.sections?.map((s) => s.actions?.map((a) => `${a.id} ${a.value}`))).toEqual([
      ['activity.approve act-3@3', 'activity.reject act-3@3', 'activity.accept act-3@3', 'activity.delegate act-3@3'],
      undefined,
      ['activity.approve act-1@3', 'activity.reject act-1@3', 'activity.accept act-1@3', 'activity.delegate act-1@3'],
    ]);
    expect(view.actions).toBeUndefined();
    expect(view.footnote).toBeUndefined();
  });

  it("shows the first items only and points to the activities command for the rest, in each platform's words", () => {
    const items = Array.from({ length: 25 }, (_, i) => item(25 - i));
    expect(presentChatNotice(digest(items), options).footnote).toBe(
      '…and 5 more: type "/prov activities" to see the ones waiting for you.',
    );
    const teams = presentChatNotice(digest(items), { ...options, prefix: '', maxItems: 12 });
    expect(teams.sections).toHaveLength(12);
    expect(teams.footnote).toBe('…and 13 more: type "activities" to see the ones waiting for you.');
  });

  it('names each event its own way, and says when nothing is left waiting', () => {
    expect(presentChatNotice(digest([item(1, { kind: 'Assignment' })], 'Assignment'), options).title).toBe(
      '1 phone assignment waiting in acme.example',
    );
    const done = presentChatNotice(digest([item(1, decided), item(2, decided)], 'Approval'), options);
    expect(done.title).toBe('No order approvals waiting in acme.example');
    expect(done.paragraphs[1]).toBe('2 were handled meanwhile and are shown with the outcome.');
  });
});

describe('a system alert', () => {
  const event = (n: number, over: Partial<SystemNotice> = {}): SystemNotice => ({
    type: 'order-failure',
    occurredAt: `2026-11-23T1${n}:00:00.000Z`,
    domain: 'acme.example',
    orderNumber: `WO-00000${n}`,
    summary: `Provisioning the Line of WO-00000${n} failed: call processor timed out`,
    ...over,
  });

  it('titles the event type with the count and lists each event with its time and order', () => {
    const view = presentChatNotice({ kind: 'system-alert', eventType: 'order-failure', events: [event(1), event(2), event(3)] }, options);
    expect(view.title).toBe('Order failures (3)');
    expect(view.tone).toBe('error');
    expect(view.paragraphs[0]).toContain('"/prov retry <order>"');
    expect(view.sections?.[0]).toEqual({
      heading: 'Provisioning the Line of WO-000001 failed: call processor timed out',
      fields: [
        { label: 'When', value: '2026-11-23 11:00 UTC' },
        { label: 'Order', value: 'WO-000001' },
        { label: 'Domain', value: 'acme.example' },
      ],
    });
  });

  it('caps the events shown and counts the others', () => {
    const events = Array.from({ length: 8 }, (_, i) => event(i % 10, { type: 'delivery-failure', orderNumber: null, domain: null }));
    const view = presentChatNotice({ kind: 'system-alert', eventType: 'delivery-failure', events }, { ...options, maxItems: 5 });
    expect(view.title).toBe('Undeliverable notifications (8)');
    expect(view.sections).toHaveLength(5);
    expect(view.sections?.[0]?.fields.map((f) => f.label)).toEqual(['When']);
    expect(view.footnote).toBe('…and 3 more, not shown here.');
    // The command that sends them again, with this platform's prefix.
    expect(view.paragraphs[0]).toContain('Once the cause is fixed, "/prov notify outbox retry" sends them all again.');
    expect(view.paragraphs[0]).not.toMatch(/removed channel/);
  });
});

describe('a test notice', () => {
  it('tells a channel, or a person, what it will receive', () => {
    const scope = 'Approval in acme.example';
    expect(presentChatNotice({ kind: 'test', scope }, options).paragraphs).toEqual([
      'Test notification from provbot for Approval in acme.example: this channel will receive Approval in acme.example notifications.',
    ]);
    expect(presentChatNotice({ kind: 'test', scope }, { ...options, audience: 'person' }).paragraphs[0]).toContain(': you will receive');
  });
});

describe('durations', () => {
  it.each([
    [45, '45 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [1440, '1 day'],
    [2 * 1440 + 360, '2 days 6 hours'],
  ])('a window of %i minutes is "%s"', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));

  it.each([
    [30_000, 'under a minute'],
    [-60_000, 'under a minute'],
    [12 * 60_000, '12 min'],
    [3 * 3_600_000, '3 h'],
    [(2 * 24 + 4) * 3_600_000 + 60_000, '2 days 4 h'],
  ])('an age of %i ms is "%s"', (ms, text) => expect(formatAge(new Date(NOW.getTime() - ms), NOW)).toBe(text));
});
