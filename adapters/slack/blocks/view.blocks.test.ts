import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest } from '../../presenters/present-access-request';
import { presentError } from '../../presenters/present-error';
import { presentHelp } from '../../presenters/present-help';
import type { View } from '../../presenters/view';
import { presentDigest } from '../../presenters/present-digest';
import { inputOfClick } from './action-inputs';
import { LIMITS } from './block-kit-limits';
import { renderView } from './view.blocks';
import { anAccessRequest } from '../../../test/fixtures/core-values';
import { anActivity, aSubscriber, aWorkOrder } from '../../../test/fixtures/workflow-values';

const BOB_ON_SLACK = { name: 'Bob', email: 'bob@x.example', channel: 'slack', platformUserId: 'UBOB' } as const;
const ALICE_APPROVER = { email: 'alice@acme.example', name: 'Alice' };

type Block = types.KnownBlock;

/** Every limit Slack enforces on what renderView produces; a breach would be `invalid_blocks`. */
function expectWithinLimits(blocks: Block[]) {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'section') {
      expect(b.text || b.fields).toBeTruthy();
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.text) expect(b.text.text.length).toBeGreaterThan(0);
      expect(b.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionFields);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    if (b.type === 'context') for (const e of b.elements) expect('text' in e && e.text.length <= LIMITS.contextText).toBe(true);
  }
}

const texts = (blocks: Block[]) => JSON.stringify(blocks);

const request = (over: Partial<AccessRequest> = {}): AccessRequest =>
  anAccessRequest({
    id: 'req-7',
    domain: 'acme.example',
    action: { kind: 'resend', lines: 'all' },
    requester: BOB_ON_SLACK,
    approver: ALICE_APPROVER,
    ...over,
  });

describe('renderView', () => {
  it('renders the help view as a header and one section holding every usage line', () => {
    const { blocks, text } = renderView(presentHelp('/prov '));
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'provbot commands', emoji: true } });
    expect(blocks).toHaveLength(2);
    const section = blocks[1] as types.SectionBlock;
    expect(section.text?.text).toContain('/prov resend &lt;order&gt; [&lt;line&gt;|all]');
    expect(section.text?.text).toContain('/prov status &lt;order&gt;');
    expect(text.startsWith('provbot commands: /prov resend')).toBe(true);
  });

  it('marks the tone in the header and never shows raw markup from the text', () => {
    const { blocks } = renderView({ title: 'Bad <b> & worse', tone: 'error', paragraphs: ['a <@U123> & *b*'] });
    expect((blocks[0] as types.HeaderBlock).text.text).toBe(':x: Bad <b> & worse');
    expect((blocks[1] as types.SectionBlock).text?.text).toBe('a &lt;@U123&gt; &amp; *b*');
  });

  it('escapes the notification text as the blocks: a name cannot ping a channel or disguise a link', () => {
    const { text } = renderView({
      title: 'Order for Eve <!channel>',
      tone: 'info',
      paragraphs: ['placed by <https://evil.example|verify> & co'],
    });
    expect(text).toBe('Order for Eve &lt;!channel&gt;: placed by &lt;https://evil.example|verify&gt; &amp; co');
  });

  it('renders the access request with Approve and Decline buttons carrying the request id', () => {
    const { blocks } = renderView(presentAccessRequestForApprover(request()));
    const actions = blocks.at(-1) as types.ActionsBlock;
    expect(actions.type).toBe('actions');
    expect(actions.elements).toEqual([
      { type: 'button', action_id: 'access.approve', text: { type: 'plain_text', text: 'Approve' }, value: 'req-7', style: 'primary' },
      { type: 'button', action_id: 'access.decline', text: { type: 'plain_text', text: 'Decline' }, value: 'req-7', style: 'danger' },
    ]);
    const fields = blocks.find((b): b is types.SectionBlock => b.type === 'section' && !!b.fields);
    expect(fields?.fields?.[0]?.text).toBe('*Asked via*\nslack');
  });

  it('renders a decided request without buttons', () => {
    const decided = request({
      status: 'Approved',
      decidedBy: { name: 'Alice', email: 'alice@acme.example', channel: 'slack' },
      decidedAt: new Date('2026-11-23T10:05:00Z'),
    });
    const { blocks } = renderView(presentDecidedAccessRequest(decided));
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect((blocks[0] as types.HeaderBlock).text.text).toBe(':white_check_mark: Approved by Alice at 2026-11-23 10:05 UTC');
  });

  it('renders an unexpected error with its ref and nothing else', () => {
    const { blocks } = renderView(presentError(new Error('db password=hunter2 leaked'), 'ab12cd34'));
    expect(texts(blocks)).toContain('ref ab12cd34');
    expect(texts(blocks)).not.toContain('hunter2');
  });

  it('renders view sections with their heading, fields and note, and the footnote last', () => {
    const view: View = {
      title: 'Order ORD-1',
      tone: 'info',
      paragraphs: [],
      fields: [{ label: 'Offer', value: 'A-Flex' }],
      sections: [
        {
          heading: 'Line 1: Calling',
          fields: [{ label: 'Status', value: 'Closed' }],
          note: 'Closed and billing, but provisioning is still pending.',
        },
      ],
      footnote: 'Showing the latest 50.',
    };
    const { blocks } = renderView(view);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'context']);
    expect(blocks[2]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Line 1: Calling*' },
      fields: [{ type: 'mrkdwn', text: '*Status*\nClosed' }],
    });
    expect(texts([blocks[4]!])).toContain('Showing the latest 50.');
  });

  it('splits more than ten fields over several sections', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: String(i) }));
    const { blocks } = renderView({ title: 't', tone: 'info', paragraphs: [], fields });
    expect(blocks.filter((b) => b.type === 'section').map((b) => (b as types.SectionBlock).fields?.length)).toEqual([10, 10, 3]);
    expectWithinLimits(blocks);
  });

  it('keeps a message of many sections within 50 blocks, keeps the buttons and says how much is not shown', () => {
    const sections = Array.from({ length: 120 }, (_, i) => ({
      heading: `Line ${i + 1}`,
      fields: [{ label: 'Status', value: 'Open' }],
      note: 'n',
    }));
    const view: View = {
      title: 't',
      tone: 'info',
      paragraphs: ['p'],
      sections,
      footnote: 'f',
      actions: presentAccessRequestForApprover(request()).actions,
    };
    const { blocks } = renderView(view);
    // header + paragraph + 22 whole sections of 2 blocks + truncation note + footnote + actions = 49: a 23rd would not fit.
    expect(blocks).toHaveLength(49);
    expect(blocks.at(-1)?.type).toBe('actions');
    const note = blocks.at(-3) as types.ContextBlock;
    expect(texts([note])).toContain('and 98 more parts not shown');
    expectWithinLimits(blocks);
  });

  it('clips overlong texts instead of letting Slack reject the message', () => {
    const long = 'x'.repeat(5000);
    const { blocks, text } = renderView({
      title: long,
      tone: 'warning',
      paragraphs: [long, '&'.repeat(2000)],
      fields: [{ label: 'L', value: long }],
      sections: [{ heading: long, fields: [], note: long }],
      actions: [{ id: 'access.approve', label: long, value: 'req-1', style: 'primary' }],
    });
    expectWithinLimits(blocks);
    expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(((blocks.at(-1) as types.ActionsBlock).elements[0] as types.Button).text.text).toHaveLength(LIMITS.buttonText);
    // The escaped ampersands are clipped on an entity boundary.
    const amp = blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('&amp;')) as types.SectionBlock;
    expect(amp.text!.text).toMatch(/^(&amp;)+…$/);
  });

  it('packs paragraphs into as few sections as the text limit allows', () => {
    const paragraphs = Array.from({ length: 10 }, () => 'y'.repeat(1000));
    const { blocks } = renderView({ title: 't', tone: 'info', paragraphs });
    // Two 1000-character paragraphs and their separator fit in 3000 characters; a third would not.
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(5);
    expectWithinLimits(blocks);
  });

  it("puts a section's own buttons under it, each actions block with its own block_id that still carries the inputs", () => {
    const approve = { id: 'activity.approve' as const, label: 'Approve', value: 'act-1@1', style: 'primary' as const };
    const complete = {
      id: 'activity.complete' as const,
      label: 'Step Complete',
      value: 'act-2@1',
      style: 'primary' as const,
      input: 'mac-address' as const,
    };
    const { blocks } = renderView({
      title: 't',
      tone: 'info',
      paragraphs: [],
      sections: [
        { heading: 'WO-1', fields: [], actions: [approve] },
        { heading: 'WO-2', fields: [], actions: [complete] },
      ],
    });
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions', 'section', 'actions']);
    const [first, second] = blocks.filter((b): b is types.ActionsBlock => b.type === 'actions');
    expect(first!.block_id).not.toBe(second!.block_id);
    expect(inputOfClick(second!.block_id, 'activity.complete')).toBe('mac-address');
    expect(inputOfClick(first!.block_id, 'activity.approve')).toBeNull();
  });

  it("keeps a digest of 60 live approvals within Slack's limits: 20 with their buttons, then how many more", () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      activity: anActivity({ id: `act-${i}` }),
      order: aWorkOrder({ number: `WO-${String(i).padStart(6, '0')}` }),
      subscriber: aSubscriber(),
    }));
    const view = presentDigest(
      { kind: 'digest', eventType: 'Approval', domain: 'acme.example', group: 'Approval', items },
      { now: new Date('2026-11-23T12:00:00Z'), prefix: '/prov ', maxItems: 20 },
    );
    const { blocks } = renderView(view);
    expectWithinLimits(blocks);
    const actions = blocks.filter((b): b is types.ActionsBlock => b.type === 'actions');
    expect(actions).toHaveLength(20);
    expect(new Set(actions.map((a) => a.block_id)).size).toBe(20);
    expect(actions.every((a) => a.elements.length <= 25)).toBe(true);
    expect(texts([blocks.at(-1)!])).toContain('…and 40 more: type \\"/prov activities\\"');
    expect(texts(blocks)).not.toContain('parts not shown');
  });
});
