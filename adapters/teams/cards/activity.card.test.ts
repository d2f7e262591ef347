import { describe, expect, it } from 'vitest';
import { activityActionValue } from '../../presenters/view';
import type { View } from '../../presenters/view';
import { expectValidCard } from '../../../test/e2e/teams/expect-valid-card';
import { activityCard, activityRefresh, MAX_REFRESH_USERS } from './activity.card';
import { renderViewCard } from './view.card';

const VALUE = activityActionValue('act-1', 4);

/** What the chat presenter makes of an open Assignment for an assignee. */
const assignment = (): View => ({
  title: 'Assignment needed: WO-000001',
  tone: 'info',
  paragraphs: ['Enter the MAC address of the phone.'],
  fields: [{ label: 'Subscriber', value: 'Jane Doe (jdoe)' }],
  actions: [
    { id: 'activity.accept', label: 'Accept', value: VALUE, style: 'default' },
    { id: 'activity.complete', label: 'Complete', value: VALUE, style: 'primary', input: 'mac-address' },
    { id: 'activity.delegate', label: 'Delegate', value: VALUE, style: 'default', input: 'delegate-to' },
  ],
});

describe('activity buttons', () => {
  it('are Action.Execute with the dotted id as verb and the activity value as data, with no style: Teams documents none for bot cards', () => {
    const card = renderViewCard({ ...assignment(), actions: [assignment().actions![0]!] });
    expectValidCard(card);
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Accept', verb: 'activity.accept', data: { value: 'act-1@4' } }]);
  });

  it('that need a typed value unfold a card with the input and the button that sends it', () => {
    const card = renderViewCard(assignment());
    expectValidCard(card);
    expect(card.actions![1]).toEqual({
      type: 'Action.ShowCard',
      title: 'Complete',
      card: {
        type: 'AdaptiveCard',
        body: [expect.objectContaining({ type: 'Input.Text', id: 'macAddress', label: 'MAC address of the phone', isRequired: true })],
        actions: [{ type: 'Action.Execute', title: 'Complete', verb: 'activity.complete', data: { value: 'act-1@4' } }],
      },
    });
    expect(card.actions![2]).toMatchObject({
      type: 'Action.ShowCard',
      card: { body: [{ id: 'delegateTo', label: 'Delegate to' }], actions: [{ verb: 'activity.delegate' }] },
    });
    expect((card.actions![1] as any).card.body[0].value).toBeUndefined();
  });

  it('show a refused value open in the body, kept, with the reason under it, and send it with a plain button', () => {
    const problem = 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.';
    const card = renderViewCard(assignment(), { inputProblem: { actionId: 'activity.complete', value: '00AABBCCDDE', problem } });
    expectValidCard(card);
    const open = card.body.at(-1) as any;
    expect(open.type).toBe('Container');
    expect(open.items[0]).toMatchObject({ type: 'Input.Text', id: 'macAddress', value: '00AABBCCDDE' });
    expect(open.items[0].isRequired).toBeUndefined(); // in the body every button sends it: Accept must not need it
    expect(open.items[1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: problem });
    expect(card.actions![1]).toEqual({
      type: 'Action.Execute',
      title: 'Complete',
      verb: 'activity.complete',
      data: { value: 'act-1@4' },
    });
    expect(card.actions![2]).toMatchObject({ type: 'Action.ShowCard', title: 'Delegate' });
  });

  it('put a notice above the view in the error colour, and in the fallback text', () => {
    const card = renderViewCard(assignment(), { notice: 'This activity was already completed by Sam.' });
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
      weight: 'Bolder',
      text: 'This activity was already completed by Sam.',
    });
    expect(card.body[1]).toMatchObject({ style: 'heading', text: 'Assignment needed: WO-000001' });
    expect(card.fallbackText).toMatch(/^This activity was already completed by Sam\.\nAssignment needed/);
  });
});

describe('activityCard', () => {
  it('asks Teams for each recipient’s own view while the activity is live', () => {
    const card = activityCard(assignment(), { id: 'act-1', status: 'Open' }, ['29:1alice', '29:1alice', '29:1bob']);
    expectValidCard(card);
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'activity.refresh', data: { activityId: 'act-1' } },
      userIds: ['29:1alice', '29:1bob'],
    });
    expect(activityCard(assignment(), { id: 'act-1', status: 'Accepted' }, ['29:1alice']).refresh).toBeDefined();
  });

  it('is a plain card once the activity is decided, or when nobody is named', () => {
    const decided: View = { title: 'Completed by Sam at 2026-11-23 10:00 UTC', tone: 'success', paragraphs: [] };
    for (const status of ['Done', 'Rejected', 'Withdrawn'] as const) {
      const card = activityCard(decided, { id: 'act-1', status }, ['29:1alice']);
      expectValidCard(card);
      expect(card.refresh).toBeUndefined();
      expect(card.actions).toBeUndefined();
    }
    expect(activityCard(assignment(), { id: 'act-1', status: 'Open' }, []).refresh).toBeUndefined();
  });

  it('names at most the 60 users Teams shows user-specific views to', () => {
    const ids = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    expect(activityRefresh('act-1', ids)!.userIds).toEqual(ids.slice(0, MAX_REFRESH_USERS));
  });
});
