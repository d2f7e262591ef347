import { describe, expect, it } from 'vitest';
import type { ActivityMessage, DigestNotice } from '../../../core/index';
import { aSubscriber, aWorkOrder, anActivity } from '../../../test/fixtures/workflow-values';
import { digestEmail } from './digest.email';

const item = (n: number, overrides: { status?: 'Open' | 'Done'; requested?: string | null } = {}): ActivityMessage => ({
  activity: anActivity({
    id: `act-${n}`,
    orderNumber: `WO-00000${n}`,
    status: overrides.status ?? 'Open',
    createdAt: new Date(`2026-11-23T10:0${n}:00Z`),
    ...(overrides.status === 'Done'
      ? {
          decidedBy: { name: 'Dave Approver', email: 'dave@acme.example', channel: 'slack' as const },
          decidedAt: new Date('2026-11-23T10:30:00Z'),
        }
      : {}),
  }),
  order: aWorkOrder({
    number: `WO-00000${n}`,
    requestedDeliveryDate: overrides.requested === undefined ? `2026-12-0${n}` : overrides.requested,
  }),
  subscriber: aSubscriber({ firstName: `Sub${n}`, login: `sub${n}` }),
});
const notice = (items: ActivityMessage[], eventType: DigestNotice['eventType'] = 'Approval'): DigestNotice => ({
  kind: 'digest',
  eventType,
  domain: 'acme.example',
  group: eventType,
  items,
});
const linksFor = ({ activity }: ActivityMessage) => ({
  approveUrl: `https://provbot.example/links/activity/${activity.id}.approve`,
  declineUrl: `https://provbot.example/links/activity/${activity.id}.decline`,
  expiresAt: new Date('2026-11-26T10:00:00Z'),
});

describe('digest email', () => {
  it('lists every item with order number, subscriber, kind and requested date, under a count in the subject', () => {
    const email = digestEmail({ notice: notice([item(1), item(2), item(3, { requested: null })]), to: 'carol@acme.example', linksFor });
    expect(email.subject).toBe('3 order approvals waiting in acme.example');
    expect(email.text).toContain('Order Approvals in acme.example: 3 order approvals since the last notice.');
    for (const n of [1, 2, 3]) {
      expect(email.text).toContain(`${n}. Order WO-00000${n}: Add Enhanced Phone Service`);
      expect(email.text).toContain(`Subscriber: Sub${n} Doe (sub${n})`);
      expect(email.text).toContain(`Waiting since: 2026-11-23 10:0${n} UTC`);
    }
    expect(email.text).toContain('Kind: Approval (Add order)');
    expect(email.text).toContain('Requested date: 2026-12-01');
    expect(email.text).toContain('Requested date: none');
  });

  it('gives a directory user Approve and Decline links per open approval, none for decided ones', () => {
    const email = digestEmail({ notice: notice([item(1), item(2, { status: 'Done' })]), to: 'carol@acme.example', linksFor });
    expect(email.subject).toBe('1 order approval waiting in acme.example');
    expect(email.text).toContain('Approve WO-000001: https://provbot.example/links/activity/act-1.approve');
    expect(email.text).toContain('Decline WO-000001: https://provbot.example/links/activity/act-1.decline');
    expect(email.text).not.toContain('act-2.');
    expect(email.text).toContain('Outcome: Approved by Dave Approver at 2026-11-23 10:30 UTC');
    expect(email.text).toContain('1 of them already decided');
    expect(email.text).toContain('The links work until 2026-11-26 10:00 UTC');
    expect(email.html).toMatch(/<a href="https:\/\/provbot\.example\/links\/activity\/act-1\.approve"[^>]*>Approve WO-000001<\/a>/);
  });

  it('sends an external address the list with no link, and says where to act', () => {
    const email = digestEmail({ notice: notice([item(1), item(2)]), to: 'list@partner.example', linksFor: () => null });
    expect(email.text).not.toMatch(/https?:\/\//);
    expect(email.html).not.toContain('<a ');
    expect(email.text).toContain(
      'Act on them in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot). This email has no links to act on.',
    );
  });

  it('counts other event types in their own words, and says when nothing is left waiting', () => {
    const shipping = notice(
      [item(1), item(2)].map((m) => ({
        ...m,
        activity: { ...m.activity, kind: 'Shipping' as const, assignee: { kind: 'group' as const, role: 'Shipping' as const } },
      })),
      'Shipping',
    );
    expect(digestEmail({ notice: shipping, to: 'sid@acme.example', linksFor: () => null }).subject).toBe(
      '2 shipping activities waiting in acme.example',
    );
    const allDecided = notice([item(1, { status: 'Done' })]);
    expect(digestEmail({ notice: allDecided, to: 'carol@acme.example', linksFor }).subject).toBe(
      'No order approvals waiting in acme.example (1 decided)',
    );
  });

  it('escapes subscriber names in HTML', () => {
    const m = item(1);
    const email = digestEmail({
      notice: notice([{ ...m, subscriber: aSubscriber({ firstName: '<img src=x>' }) }]),
      to: 'carol@acme.example',
      linksFor,
    });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x&gt; Doe');
  });
});
