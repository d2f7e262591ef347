import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormField, FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import { clip, LIMITS, mrkdwn } from '../blocks/block-kit-limits';

/** The callback_id of each onboarding modal; the view listener tells the forms apart by it. */
export const ONBOARDING_FORM_CALLBACK = { customer: 'onboarding.customer', template: 'onboarding.template' } as const;
/** Each input's action_id; its block_id is the form field id, so errors land under it. */
const VALUE_ACTION = 'value';

/** Slack's limits for what a modal shows (https://docs.slack.dev/reference/views/modal-views). */
const TEXT_MAX = { title: 24, button: 24, label: 2000, hint: 2000, placeholder: 150, option: 75 } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/**
 * An onboarding form (adapters/presenters/onboarding-forms.ts) as a modal: a text box, a
 * select, a multi-select or a check box per field, each with its hint; optional ones
 * marked so by Slack. Back from the review (Edit) it holds the draft, with a line on
 * top saying what to change (or why Create was refused).
 */
export function onboardingFormModal(form: OnboardingForm, o: { values?: FormValues; notice?: string } = {}): types.ModalView {
  const notice: types.KnownBlock[] = o.notice
    ? [{ type: 'section', block_id: 'notice', text: { type: 'mrkdwn', text: mrkdwn(o.notice, LIMITS.sectionText) } }]
    : [];
  return {
    type: 'modal',
    callback_id: ONBOARDING_FORM_CALLBACK[form.form],
    title: plain(form.title, TEXT_MAX.title),
    submit: plain(form.submitLabel, TEXT_MAX.button),
    close: plain('Cancel', TEXT_MAX.button),
    blocks: [...notice, ...form.fields.map((f) => inputBlock(f, o.values?.[f.id]))],
  };
}

function inputBlock(field: FormField, value: string | string[] | undefined): types.InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: plain(field.label, TEXT_MAX.label),
    ...(field.hint ? { hint: plain(field.hint, TEXT_MAX.hint) } : {}),
    element: element(field, value),
  };
}

/** An input starting with the draft's value, else the field's own start; Slack wants initial options exactly as offered. */
function element(field: FormField, value: string | string[] | undefined): types.InputBlock['element'] {
  const options = (field.choices ?? []).map((c) => ({ text: plain(c.label, TEXT_MAX.option), value: c.value }));
  const wanted = value === undefined ? (field.initial ? [field.initial] : []) : Array.isArray(value) ? value : [value];
  const initial = options.filter((o) => wanted.includes(o.value));
  switch (field.type) {
    case 'choice':
      return { type: 'static_select', action_id: VALUE_ACTION, options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
    case 'multi-choice':
      return { type: 'multi_static_select', action_id: VALUE_ACTION, options, ...(initial.length ? { initial_options: initial } : {}) };
    case 'checkbox':
      return { type: 'checkboxes', action_id: VALUE_ACTION, options, ...(initial.length ? { initial_options: initial } : {}) };
    default: {
      const start = wanted[0]?.slice(0, field.maxLength);
      return { type: 'plain_text_input', action_id: VALUE_ACTION, max_length: field.maxLength, ...(start ? { initial_value: start } : {}) };
    }
  }
}

/** What one input holds in view_submission's state.values, by element type. */
const ZInputState = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .passthrough();
const ZState = z.object({ state: z.object({ values: z.record(z.record(ZInputState)) }) });

/** The submitted values by field id; several for a multi-select or check boxes; empty inputs are absent. */
export function onboardingFormValues(form: OnboardingForm, view: unknown): FormValues {
  const { values } = ZState.parse(view).state;
  const out: FormValues = {};
  for (const field of form.fields) {
    const input = values[field.id]?.[VALUE_ACTION];
    if (input?.selected_options) out[field.id] = input.selected_options.map((o) => o.value);
    else {
      const value = input?.value ?? input?.selected_option?.value ?? undefined;
      if (value !== undefined && value !== '') out[field.id] = value;
    }
  }
  return out;
}
