import { expect } from 'vitest';
import { adaptiveCardProblems } from '../../fakes/adaptive-card-validator';

const TEXT_KEYS = ['type', 'text', 'wrap', 'style', 'weight', 'size', 'color', 'isSubtle', 'spacing', 'fontType'];
const INPUT_TEXT_KEYS = ['type', 'id', 'label', 'value', 'placeholder', 'isRequired', 'maxLength', 'errorMessage', 'isMultiline'];
const INPUT_DATE_KEYS = ['type', 'id', 'label', 'value', 'placeholder', 'isRequired', 'errorMessage', 'min', 'max'];
const CHOICE_SET_KEYS = ['type', 'id', 'label', 'choices', 'style', 'value', 'placeholder', 'isRequired', 'errorMessage', 'isMultiSelect'];
/** https://adaptivecards.io/explorer/Input.Toggle.html */
const TOGGLE_KEYS = ['type', 'id', 'label', 'title', 'value', 'valueOn', 'valueOff', 'isRequired', 'errorMessage'];

/**
 * The Adaptive Card 1.5 rules the Teams renderer relies on (adaptivecards.io/explorer,
 * and for refresh and Action.Execute the Universal Actions schema), checked element by
 * element, with every input id unique across the card and its unfolding cards.
 */
export function expectValidCard(card: unknown): void {
  expect(adaptiveCardProblems(card)).toEqual([]);
  const c = card as Record<string, any>;
  expect(c).toMatchObject({
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    msteams: { width: 'Full' },
  });
  expect(typeof c.fallbackText).toBe('string');
  const optional = ['actions', 'refresh'].filter((k) => k in c);
  expect(Object.keys(c).sort()).toEqual(['$schema', 'body', 'fallbackText', 'msteams', 'type', 'version', ...optional].sort());
  const ids = new Set<string>();
  expect(c.body.length).toBeGreaterThan(0);
  for (const e of c.body) element(e, ids);
  for (const a of c.actions ?? []) action(a, ids);
  if (c.refresh) refresh(c.refresh);
}

function element(e: any, ids: Set<string>): void {
  if (e.type === 'TextBlock') {
    expect(e.text.length).toBeGreaterThan(0);
    expect(e.wrap).toBe(true);
    if (e.color) expect(['Default', 'Accent', 'Good', 'Warning', 'Attention']).toContain(e.color);
    for (const k of Object.keys(e)) expect(TEXT_KEYS).toContain(k);
  } else if (e.type === 'FactSet') {
    expect(e.facts.length).toBeGreaterThan(0);
    for (const f of e.facts) expect(Object.keys(f).sort()).toEqual(['title', 'value']);
    for (const f of e.facts) expect(typeof f.title === 'string' && typeof f.value === 'string').toBe(true);
  } else if (e.type === 'Container') {
    expect(e.items.length).toBeGreaterThan(0);
    for (const i of e.items) element(i, ids);
  } else if (e.type === 'Input.Text' || e.type === 'Input.ChoiceSet' || e.type === 'Input.Date' || e.type === 'Input.Toggle') {
    const keys = {
      'Input.Text': INPUT_TEXT_KEYS,
      'Input.ChoiceSet': CHOICE_SET_KEYS,
      'Input.Date': INPUT_DATE_KEYS,
      'Input.Toggle': TOGGLE_KEYS,
    }[e.type as string]!;
    if (e.type === 'Input.Toggle') expect(typeof e.title === 'string' && e.title.length > 0).toBe(true);
    for (const k of Object.keys(e)) expect(keys).toContain(k);
    // https://adaptivecards.io/explorer/Input.Date.html: value, min and max are YYYY-MM-DD.
    for (const k of ['value', 'min', 'max']) if (e.type === 'Input.Date' && e[k] !== undefined) expect(e[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.id).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
    expect(ids.has(e.id), `input id ${e.id} used twice`).toBe(false);
    ids.add(e.id);
    expect(e.label.length).toBeGreaterThan(0);
    if (e.value !== undefined) expect(typeof e.value).toBe('string');
    if (e.type === 'Input.ChoiceSet') {
      expect(e.choices.length).toBeGreaterThan(0);
      for (const ch of e.choices) expect(Object.keys(ch).sort()).toEqual(['title', 'value']);
      // A multi-select's value is its chosen values joined by commas.
      const chosen = e.value ? (e.isMultiSelect ? String(e.value).split(',') : [e.value]) : [];
      for (const v of chosen) expect(e.choices.map((ch: any) => ch.value)).toContain(v);
    }
  } else if (e.type === 'ActionSet') {
    for (const k of Object.keys(e)) expect(['type', 'actions', 'spacing']).toContain(k);
    expect(e.actions.length).toBeGreaterThan(0);
    for (const a of e.actions) action(a, ids);
  } else {
    throw new Error(`unexpected element ${e.type}`);
  }
}

function action(a: any, ids: Set<string>): void {
  if (a.type === 'Action.ShowCard') {
    expect(Object.keys(a).sort()).toEqual(['card', 'title', 'type']);
    expect(a.card.type).toBe('AdaptiveCard');
    for (const e of a.card.body) element(e, ids);
    expect(a.card.actions.length).toBeGreaterThan(0);
    for (const inner of a.card.actions) action(inner, ids);
    return;
  }
  // https://adaptivecards.io/explorer/Action.OpenUrl.html: an https or http link, nothing else.
  if (a.type === 'Action.OpenUrl') {
    expect(Object.keys(a).sort()).toEqual(['title', 'type', 'url']);
    expect(a.url).toMatch(/^https?:\/\//);
    return;
  }
  // No style on any card: Teams documents none for bot cards (adaptive-card.ts ExecuteAction).
  expect(Object.keys(a).sort()).toEqual(['data', 'title', 'type', 'verb']);
  expect(a.type).toBe('Action.Execute');
  for (const v of Object.values(a.data)) expect(typeof v).toBe('string');
}

function refresh(r: any): void {
  expect(Object.keys(r).sort()).toEqual(['action', 'userIds']);
  expect(Object.keys(r.action).sort()).toEqual(['data', 'title', 'type', 'verb']);
  expect(r.action.type).toBe('Action.Execute');
  expect(r.userIds.length).toBeGreaterThan(0);
  expect(r.userIds.length).toBeLessThanOrEqual(60);
}
