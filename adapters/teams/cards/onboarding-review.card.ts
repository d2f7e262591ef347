import type { FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import type { OnboardingReview, ReviewSection } from '../../presenters/onboarding-review';
import type { AdaptiveCard, CardElement, Verb } from './adaptive-card';
import { ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import { cardText } from './card-text';
import { formHeader } from './form-card-parts';

/** The review's buttons: Create/Submit, and each section's Edit (the section id in its data). */
export const ONBOARDING_REVIEW_VERB: Record<OnboardingForm['form'], { create: Verb; edit: Verb }> = {
  customer: { create: 'onboarding.customer.create', edit: 'onboarding.customer.edit' },
  template: { create: 'onboarding.template.create', edit: 'onboarding.template.edit' },
};

/**
 * The review page as a card, in place of the form: one container per section with its
 * facts, its notes (the PSTN caution, the precheck's finding) and its Edit, then
 * Create/Submit. The draft rides in every button's data, as the form's inputs sent it
 * (several choices joined by commas), so nothing is stored between the clicks.
 */
export function renderOnboardingReviewCard(review: OnboardingReview): AdaptiveCard {
  const draft = cardData(review.values);
  const verbs = ONBOARDING_REVIEW_VERB[review.form];
  const body: CardElement[] = [
    ...formHeader(review.title, undefined),
    { type: 'TextBlock', text: cardText(review.intro), wrap: true },
    ...review.sections.map((s) => sectionContainer(s, verbs.edit, draft)),
    // The line just above Create/Submit when it only asks the domain's administrators.
    ...(review.submitNotice
      ? [
          {
            type: 'TextBlock' as const,
            text: cardText(review.submitNotice),
            wrap: true as const,
            weight: 'Bolder' as const,
            spacing: 'Medium' as const,
          },
        ]
      : []),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [{ type: 'Action.Execute', title: review.submitLabel, verb: verbs.create, data: draft }],
    fallbackText: `${review.title}: this review needs a Teams client that shows Adaptive Cards.`,
    msteams: { width: 'Full' },
  };
}

function sectionContainer(section: ReviewSection, edit: Verb, draft: Record<string, string>): CardElement {
  const items: CardElement[] = [{ type: 'TextBlock', text: cardText(section.heading), wrap: true, weight: 'Bolder' }];
  if (section.fields.length)
    items.push({ type: 'FactSet', facts: section.fields.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })) });
  for (const note of section.notes) items.push({ type: 'TextBlock', text: cardText(note), wrap: true, isSubtle: true, size: 'Small' });
  if (section.editable)
    items.push({
      type: 'ActionSet',
      actions: [{ type: 'Action.Execute', title: 'Edit', verb: edit, data: { ...draft, section: section.id } }],
    });
  return { type: 'Container', items, separator: true, spacing: 'Medium' };
}

/** The draft as an Action.Execute's data: strings only, a multi-select's values joined by commas as Teams sends them. */
function cardData(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(values)) if (v !== undefined) out[id] = Array.isArray(v) ? v.join(',') : v;
  return out;
}
