import type { FormField, FormProblems, FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import { problemText } from './action-inputs';
import type { AdaptiveCard, CardElement } from './adaptive-card';
import { ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import { fieldHint, formHeader } from './form-card-parts';

/** The verb of each form's submit button; card-actions/submit-onboarding-form.action.ts takes it back. */
export const ONBOARDING_FORM_VERB = { customer: 'onboarding.customer.submit', template: 'onboarding.template.submit' } as const;

/**
 * An onboarding form as a card: one input per field (ids are the field ids, so the
 * invoke's data is the form's values), each field's hint and, after a refused submit,
 * its problem under it with what was typed kept. A multi-select ChoiceSet sends its
 * values joined by commas; the check box is an Input.Toggle.
 */
export function renderOnboardingFormCard(
  form: OnboardingForm,
  o: { values?: FormValues; problems?: FormProblems; notice?: string } = {},
): AdaptiveCard {
  const body: CardElement[] = formHeader(form.title, o.notice);
  for (const field of form.fields) body.push(...fieldElements(field, o.values?.[field.id], o.problems?.[field.id]));
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [{ type: 'Action.Execute', title: form.submitLabel, verb: ONBOARDING_FORM_VERB[form.form], data: {} }],
    fallbackText: `${form.title}: this form needs a Teams client that shows Adaptive Cards.`,
    msteams: { width: 'Full' },
  };
}

function fieldElements(field: FormField, value: string | string[] | undefined, problem: string | undefined): CardElement[] {
  const kept = Array.isArray(value) ? value.join(',') : value;
  return [input(field, kept), ...fieldHint(field.hint), ...(problem ? [problemText(problem)] : [])];
}

function input(field: FormField, value: string | undefined): CardElement {
  const required = field.required ? { isRequired: true, errorMessage: `${field.label} is required.` } : {};
  const start = value ?? field.initial;
  if (field.type === 'checkbox') {
    const box = field.choices?.[0];
    return {
      type: 'Input.Toggle',
      id: field.id,
      label: field.label,
      title: box?.label ?? field.label,
      valueOn: 'true',
      valueOff: 'false',
      ...(value === 'true' ? { value: 'true' } : {}),
      ...required,
    };
  }
  if (field.type === 'choice' || field.type === 'multi-choice') {
    const choices = (field.choices ?? []).map((c) => ({ title: c.label, value: c.value }));
    return {
      type: 'Input.ChoiceSet',
      id: field.id,
      label: field.label,
      style: 'compact',
      choices,
      ...(field.type === 'multi-choice' ? { isMultiSelect: true } : {}),
      placeholder: field.type === 'multi-choice' ? 'Choose one or more' : 'Choose one',
      ...required,
      ...(start ? { value: start } : {}),
    };
  }
  return {
    type: 'Input.Text',
    id: field.id,
    label: field.label,
    maxLength: field.maxLength,
    ...required,
    ...(start ? { value: start.slice(0, field.maxLength) } : {}),
  };
}

/** The submitted values of the form's fields; anything else in the invoke's data is ignored. */
export function onboardingCardValues(form: OnboardingForm, data: unknown): FormValues {
  const values: FormValues = {};
  if (typeof data !== 'object' || data === null) return values;
  for (const field of form.fields) {
    const v: unknown = (data as Record<string, unknown>)[field.id];
    if (typeof v !== 'string' || v === '') continue;
    values[field.id] = field.type === 'multi-choice' ? v.slice(0, 1000).split(',') : v.slice(0, 500);
  }
  return values;
}
