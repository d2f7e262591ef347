import type { SetupPageView } from '../../presenters/present-services-setup';
import type { AdaptiveCard, CardElement, ExecuteAction } from './adaptive-card';
import { ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import { cardText } from './card-text';

/** The input's id on the card: its value comes back in the invoke's data under it. */
export const SETUP_VALUE_INPUT = 'value';

/**
 * One page of the services setup wizard as a card that is updated in place: its button
 * is an Action.Execute (`services-setup.next`) answered with the next page's card, the
 * review's "Go back and edit" another (`services-setup.back`). A refusal comes back as
 * the same page with the reason above the input.
 */
export function renderSetupCard(page: SetupPageView, problem?: string): AdaptiveCard {
  const data = { customerId: page.customerId, page: page.page };
  const body: CardElement[] = [
    { type: 'TextBlock', text: cardText(page.title), wrap: true, style: 'heading', weight: 'Bolder', size: 'Medium' },
    ...(problem ? [{ type: 'TextBlock' as const, text: cardText(problem), wrap: true as const, color: 'Attention' as const }] : []),
    ...page.paragraphs.map((p) => ({ type: 'TextBlock' as const, text: cardText(p), wrap: true as const })),
    ...(page.fields.length
      ? [{ type: 'FactSet' as const, facts: page.fields.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })) }]
      : []),
  ];
  const input = page.input;
  if (input?.kind === 'text')
    body.push({
      type: 'Input.Text',
      id: SETUP_VALUE_INPUT,
      label: cardText(input.label),
      maxLength: 100,
      isRequired: true,
      errorMessage: cardText(`Fill in the ${input.label}.`),
      ...(input.initial ? { value: input.initial } : {}),
    });
  else if (input)
    body.push({
      type: 'Input.ChoiceSet',
      id: SETUP_VALUE_INPUT,
      label: cardText(input.label),
      style: 'compact',
      isRequired: true,
      errorMessage: cardText(`Choose the ${input.label.toLowerCase()}.`),
      // "VPOP is a legacy option. It is not recommended for new customers": said on the choice.
      choices: input.choices.map((c) => ({ title: cardText(c.tag ? `${c.label} (${c.tag})` : c.label), value: c.value })),
      ...(input.initial ? { value: input.initial } : {}),
    });
  // The line just above Submit when it only asks the partner's administrators.
  if (page.submitNotice)
    body.push({ type: 'TextBlock', text: cardText(page.submitNotice), wrap: true, weight: 'Bolder', spacing: 'Medium' });
  const actions: ExecuteAction[] = [{ type: 'Action.Execute', title: page.submitLabel, verb: 'services-setup.next', data }];
  if (page.backTo)
    actions.push({ type: 'Action.Execute', title: 'Go back and edit', verb: 'services-setup.back', data: { ...data, page: page.backTo } });
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    actions,
    fallbackText: `${page.title}: ${page.paragraphs[0] ?? ''}`,
    msteams: { width: 'Full' },
  };
}
