import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from './adaptive-card-validator';

const card = (o: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello', wrap: true }],
  ...o,
});
const execute = (title: string) => ({ type: 'Action.Execute', title, verb: 'activity.accept', data: {} });

describe('Adaptive Card validator (adaptivecards 3, schema 1.5, Teams host config)', () => {
  it('takes a card with inputs, a date, a show card and six actions', () => {
    const good = card({
      body: [
        { type: 'Input.Text', id: 'login', label: 'Login', isRequired: true, errorMessage: 'Login is required.' },
        { type: 'Input.Date', id: 'day', label: 'Delivery date', value: '2030-01-31' },
        { type: 'Input.ChoiceSet', id: 'kind', label: 'Kind', style: 'compact', choices: [{ title: 'A', value: 'a' }] },
      ],
      actions: [...['1', '2', '3', '4', '5'].map(execute), { type: 'Action.ShowCard', title: 'More', card: card() }],
    });
    expect(adaptiveCardProblems(good)).toEqual([]);
  });

  it.each([
    ['seven actions (Teams shows six)', card({ actions: ['1', '2', '3', '4', '5', '6', '7'].map(execute) }), 'TooManyActions'],
    ['an element type that does not exist', card({ body: [{ type: 'Input.Calendar', id: 'd', label: 'D' }] }), 'UnknownElementType'],
    ['a bad button style', card({ actions: [{ ...execute('Go'), style: 'primary' }] }), 'InvalidPropertyValue'],
    [
      'two inputs with one id',
      card({
        body: [
          { type: 'Input.Text', id: 'a', label: 'A' },
          { type: 'Input.Date', id: 'a', label: 'B' },
        ],
      }),
      'DuplicateId',
    ],
    [
      'a required input without a label',
      card({ body: [{ type: 'Input.Text', id: 'a', isRequired: true, errorMessage: 'x' }] }),
      'RequiredInputsShouldHaveLabel',
    ],
    [
      'a choice set without choices',
      card({ body: [{ type: 'Input.ChoiceSet', id: 'a', label: 'A', choices: [] }] }),
      'CollectionCantBeEmpty',
    ],
    ['version 1.6', card({ version: '1.6' }), 'Teams takes 1.0 to 1.5'],
  ])('catches %s', (_name, bad, problem) => {
    expect(adaptiveCardProblems(bad).join('\n')).toContain(problem);
  });
});
