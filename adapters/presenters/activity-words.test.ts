import { describe, expect, it } from 'vitest';
import type { ActivityKind, ActivityMessage, DigestNotice } from '../../core/index';
import { aSubscriber, aWorkOrder, anActivity } from '../../test/fixtures/workflow-values';
import { activityEmail } from '../email/templates/activity.email';
import { digestEmail } from '../email/templates/digest.email';
import { presentActivities } from './present-activities';
import { presentActivityActed } from './present-activity-acted';
import { presentActivityNotice } from './present-activity';
import { presentDigest } from './present-digest';
import { presentHome } from './present-home';
import { viewToText } from './view';

const NOW = new Date('2026-11-23T12:00:00Z');

const item = (kind: ActivityKind, n: number): ActivityMessage => ({
  activity: anActivity({ id: `act-${n}`, kind, orderNumber: `WO-00000${n}`, createdAt: new Date(`2026-11-23T10:0${n}:00Z`) }),
  order: aWorkOrder({ number: `WO-00000${n}` }),
  subscriber: aSubscriber(),
});
const digest = (kind: ActivityKind): DigestNotice => ({
  kind: 'digest',
  eventType: kind,
  domain: 'acme.example',
  group: kind,
  items: [item(kind, 1), item(kind, 2)],
});

describe('one set of words for activities in chat and email', () => {
  it.each([
    ['Shipping', '2 shipping activities waiting in acme.example'],
    ['Receiving', '2 receiving activities waiting in acme.example'],
    ['Approval', '2 order approvals waiting in acme.example'],
  ] as const)('a %s digest is counted the same in the Slack digest and the email', (kind, count) => {
    const chat = presentDigest(digest(kind), { now: NOW, prefix: '/prov ', maxItems: 5 });
    const email = digestEmail({ notice: digest(kind), to: 'carol@acme.example', linksFor: () => null });
    expect(chat.title).toBe(count);
    expect(email.subject).toBe(count);
    expect(viewToText(chat)).not.toMatch(/\bsteps?\b/);
  });

  it('asks for an activity with the same title on a card as in the email subject, and names it an activity', () => {
    const message = { ...item('Receiving', 1), escalatedAfterMinutes: 60 };
    const card = presentActivityNotice(message);
    const email = activityEmail({ ...message, to: 'rita@acme.example', links: null });
    expect(card.title).toMatch(/^Escalated: Receiving needed: WO-000001/);
    expect(email.subject).toMatch(/^Escalated: Receiving needed: order WO-000001/);
    expect(card.paragraphs[0]).toBe('Nobody acted on this receiving activity within 1 hour, so it comes to the administrators.');
    expect(email.text).toContain('Nobody acted on this receiving activity within 1 hour');
  });

  it('names the group an activity waits for in the same words on the card and in the email', () => {
    const { activity, ...rest } = item('Shipping', 1);
    const message = {
      ...rest,
      activity: { ...activity, assignee: { kind: 'group' as const, role: 'Shipping' as const } },
      escalatedAfterMinutes: null,
    };
    const card = presentActivityNotice(message);
    const email = activityEmail({ ...message, to: 'rita@acme.example', links: null });
    expect(card.fields).toContainEqual({ label: 'Assigned to', value: 'the Shipping group in acme.example' });
    expect(email.text).toContain('This shipping activity is assigned to the Shipping group in acme.example.');
  });

  it('confirms a click on "the shipping activity", as the email calls it', () => {
    const { activity, order } = item('Shipping', 1);
    const view = presentActivityActed({ activity: { ...activity, status: 'Accepted' }, order, opened: [] }, 'accept', { prefix: '/prov ' });
    expect(view.title).toBe('You accepted the shipping activity of WO-000001');
  });

  it('says nothing is waiting in the same words in `activities` and the App Home', () => {
    const home = presentHome({ activities: [], settings: null, prefix: '/prov' });
    const list = presentActivities([]);
    expect(home.paragraphs[0]).toBe(list.paragraphs[0]);
    expect(list.paragraphs[0]).toBe('Nothing is waiting for you: no order approvals, phone assignments, shipping or receiving activities.');
  });
});
