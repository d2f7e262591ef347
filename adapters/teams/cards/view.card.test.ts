import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../core/index';
import {
  presentAccessRequestForApprover,
  presentDecidedAccessRequest,
  presentDecisionForRequester,
} from '../../presenters/present-access-request';
import { presentError } from '../../presenters/present-error';
import { presentHelp } from '../../presenters/present-help';
import type { View } from '../../presenters/view';
import { MAX_CARD_CHARS } from './card-text';
import { renderViewCard, viewMessage } from './view.card';
import { anAccessRequest } from '../../../test/fixtures/core-values';
import { expectValidCard } from '../../../test/e2e/teams/expect-valid-card';
import { presentDigest } from '../../presenters/present-digest';
import { anActivity, aSubscriber, aWorkOrder } from '../../../test/fixtures/workflow-values';

const request = (over: Partial<AccessRequest> = {}): AccessRequest =>
  anAccessRequest({
    id: 'req-7',
    domain: 'acme.example',
    action: { kind: 'contact', lines: [2], email: 'new_contact@customer.example' },
    requester: { name: 'Bob', email: 'bob@x.example', channel: 'teams', platformUserId: 'aad-bob' },
    approver: { email: 'alice@acme.example', name: 'Alice' },
    ...over,
  });

const texts = (card: unknown) => JSON.stringify(card);

describe('renderViewCard', () => {
  it('renders help as a heading and one text block per usage line, with no buttons', () => {
    const card = renderViewCard(presentHelp(''));
    expectValidCard(card);
    expect(card.body[0]).toEqual({
      type: 'TextBlock',
      text: 'provbot commands',
      wrap: true,
      style: 'heading',
      weight: 'Bolder',
      size: 'Medium',
      color: 'Accent',
    });
    expect(card.body).toHaveLength(1 + presentHelp('').paragraphs.length);
    expect(card.body[1]).toMatchObject({
      text: 'resend &lt;order&gt; \\[&lt;line&gt;|all\\]: send the provisioning email again (all lines when no line is given)',
    });
    expect(card.actions).toBeUndefined();
  });

  it('renders an access request with Approve and Decline as Action.Execute carrying the request id', () => {
    const card = renderViewCard(presentAccessRequestForApprover(request()));
    expectValidCard(card);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Approve', verb: 'access.approve', data: { requestId: 'req-7' } },
      { type: 'Action.Execute', title: 'Decline', verb: 'access.decline', data: { requestId: 'req-7' } },
    ]);
    expect(texts(card)).toContain('new\\\\_contact@customer.example');
    expect(card.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Asked via', value: 'teams' }] });
  });

  it('renders decided requests and decisions without buttons, in the colour of the outcome', () => {
    const approved = request({
      status: 'Approved',
      decidedBy: { name: 'Alice', email: 'alice@acme.example', channel: 'teams' },
      decidedAt: new Date('2026-11-23T11:00:00Z'),
    });
    const decided = renderViewCard(presentDecidedAccessRequest(approved));
    expectValidCard(decided);
    expect(decided.actions).toBeUndefined();
    expect(decided.body[0]).toMatchObject({ text: 'Approved by Alice at 2026-11-23 11:00 UTC', color: 'Good' });
    const declined = renderViewCard(presentDecisionForRequester({ ...approved, status: 'Declined' }));
    expectValidCard(declined);
    expect(declined.body[0]).toMatchObject({ text: 'Request declined', color: 'Warning' });
  });

  it('renders an unexpected error with its ref and in the error colour', () => {
    const card = renderViewCard(presentError(new Error('db down: password=hunter2'), 'ab12cd34'));
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ color: 'Attention' });
    expect(texts(card)).toContain('ref ab12cd34');
    expect(texts(card)).not.toContain('hunter2');
  });

  it('renders sections as separated containers with a heading, facts and a subtle note, and the footnote last', () => {
    const view: View = {
      title: 'Order ORD-1',
      tone: 'info',
      paragraphs: [],
      fields: [{ label: 'Offer', value: 'A-Flex' }],
      sections: [
        {
          heading: 'Line 1: Webex Calling',
          fields: [{ label: 'Status', value: 'Closed' }],
          note: 'Closed and billing, but provisioning is still pending.',
        },
      ],
      footnote: 'Showing the latest 50.',
    };
    const card = renderViewCard(view);
    expectValidCard(card);
    expect(card.body[2]).toEqual({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: 'Line 1: Webex Calling', wrap: true, weight: 'Bolder' },
        { type: 'FactSet', facts: [{ title: 'Status', value: 'Closed' }] },
        { type: 'TextBlock', text: 'Closed and billing, but provisioning is still pending.', wrap: true, isSubtle: true, spacing: 'Small' },
      ],
    });
    expect(card.body.at(-1)).toMatchObject({ text: 'Showing the latest 50.', isSubtle: true });
  });

  it('drops whole sections past the size budget and says how many', () => {
    const sections = Array.from({ length: 500 }, (_, i) => ({
      heading: `Line ${i + 1}: Webex Calling`,
      fields: [
        { label: 'Status', value: 'Awaiting Provisioning Details' },
        { label: 'Provisioning contact', value: `contact-${i}@customer.example` },
      ],
    }));
    const card = renderViewCard({ title: 'Order BIG', tone: 'info', paragraphs: [], sections, footnote: 'end' });
    expectValidCard(card);
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(MAX_CARD_CHARS);
    const shown = card.body.filter((e) => e.type === 'Container').length;
    expect(shown).toBeGreaterThan(20);
    expect(card.body.at(-2)).toMatchObject({ text: `…and ${500 - shown} more not shown: a Teams message has a size limit.` });
    expect(card.body.at(-1)).toMatchObject({ text: 'end' });
  });

  it('keeps every section when they fit', () => {
    const card = renderViewCard({ title: 't', tone: 'info', paragraphs: [], sections: [{ heading: 'h', fields: [] }] });
    expect(card.body.map((e) => e.type)).toEqual(['TextBlock', 'Container']);
  });
});

describe('section buttons', () => {
  it('go in an ActionSet inside their section, as Action.Execute even when they need a typed value', () => {
    const card = renderViewCard({
      title: 't',
      tone: 'info',
      paragraphs: [],
      sections: [
        {
          heading: 'WO-1',
          fields: [],
          actions: [
            { id: 'activity.approve', label: 'Approve', value: 'act-1@2', style: 'primary' },
            { id: 'activity.delegate', label: 'Delegate', value: 'act-1@2', style: 'default', input: 'delegate-to' },
          ],
        },
      ],
    });
    const container = card.body[1] as { items: unknown[] };
    expect(container.items.at(-1)).toEqual({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        { type: 'Action.Execute', title: 'Approve', verb: 'activity.approve', data: { value: 'act-1@2' } },
        { type: 'Action.Execute', title: 'Delegate', verb: 'activity.delegate', data: { value: 'act-1@2' } },
      ],
    });
    expect(texts(card)).not.toContain('Input.Text');
  });

  it('a digest of 60 live approvals shows 15 with their buttons inside the size budget, then how many more', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      activity: anActivity({ id: `act-${i}` }),
      order: aWorkOrder({ number: `WO-${String(i).padStart(6, '0')}` }),
      subscriber: aSubscriber(),
    }));
    const view = presentDigest(
      { kind: 'digest', eventType: 'Approval', domain: 'acme.example', group: 'Approval', items },
      { now: new Date('2026-11-23T12:00:00Z'), prefix: '', maxItems: 15 },
    );
    const card = renderViewCard(view);
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(MAX_CARD_CHARS);
    expect(card.body.filter((e) => e.type === 'Container')).toHaveLength(15);
    expect(card.body.at(-1)).toMatchObject({ text: '…and 45 more: type "activities" to see the ones waiting for you.' });
    expect(texts(card)).not.toContain('a Teams message has a size limit');
  });
});

describe('viewMessage', () => {
  it('is a message with the card as its only attachment and the title as the notification summary', () => {
    const message = viewMessage(presentHelp(''));
    expect(message).toMatchObject({
      type: 'message',
      summary: 'provbot commands',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
    expect(message.attachments).toHaveLength(1);
  });
});
