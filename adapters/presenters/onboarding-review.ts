import type { CustomerCheck, TemplateCheck } from '../../core/index';
import type { FormField, FormValues, OnboardingForm } from './onboarding-forms';
import { PSTN_CAUTION } from './onboarding-forms';
import { finalButton } from './submit-asks-words';
import type { Field } from './view';

/**
 * The review page between an onboarding form and its Create/Submit, for Slack to build
 * a modal and Teams a card from. Seed (partner-hub-provision-customer), template step
 * 13: "Review the settings summary and click Edit to change any settings that you want.
 * When the settings look correct, click Submit." Customer step 10: "Review the customer
 * summary. If the information is correct, click Create customer."
 */
export interface ReviewSection {
  /** Which part of the form the section's Edit button returns to. */
  id: string;
  heading: string;
  fields: Field[];
  /** Words beside the section: the seed's PSTN caution, the precheck's finding. */
  notes: string[];
  /** The precheck's section is the backend's word, not something the user typed: no Edit. */
  editable: boolean;
}

export interface OnboardingReview {
  form: OnboardingForm['form'];
  title: string;
  intro: string;
  submitLabel: string;
  /** Just above Create/Submit: said when it only asks the domain's administrators (the core's SubmitAsks). */
  submitNotice: string | null;
  sections: ReviewSection[];
  /** The draft: what Create/Submit sends to the core, and Edit puts back in the form. */
  values: FormValues;
}

/** The form's sections in the seed's order: each one step of Partner Hub's wizard. */
const SECTIONS: Record<OnboardingForm['form'], { id: string; heading: string; fields: string[] }[]> = {
  template: [
    { id: 'primary', heading: 'Primary settings', fields: ['name', 'subscriptionId'] },
    { id: 'authentication', heading: 'Authentication', fields: ['authenticationMethod'] },
    { id: 'pstn', heading: 'Wholesale calling (PSTN)', fields: ['pstnVendor'] },
    { id: 'settings', heading: 'Common and call settings', fields: ['language', 'timezone'] },
    { id: 'packages', heading: 'Packages', fields: ['packages'] },
  ],
  customer: [
    { id: 'information', heading: 'Customer information', fields: ['name', 'adminEmail', 'templateId'] },
    { id: 'packages', heading: 'Packages', fields: ['packages'] },
    {
      id: 'headquarters',
      heading: 'Headquarters location',
      fields: ['addressLine1', 'addressLine2', 'city', 'stateOrProvince', 'postalCode', 'country', 'supportedLocationVerified'],
    },
  ],
};

/** The ids of the sections a user can go back to from the review. */
export const reviewSectionIds = (form: OnboardingForm['form']): string[] => SECTIONS[form].map((s) => s.id);

/** The template's review: its settings in words, section by section, the PSTN caution beside the vendor. */
export function templateReview(form: OnboardingForm, values: FormValues, check: TemplateCheck): OnboardingReview {
  return {
    form: 'template',
    title: 'Review the template',
    intro: 'Review the settings. Edit changes a section; when the settings look correct, Submit creates the template.',
    ...finalButton(check.submitAsks, 'Submit', 'template'),
    sections: sectionsOf(form, values, { pstn: [PSTN_CAUTION] }),
    values,
  };
}

/** The customer's summary, with what Webex's precheck said of it. */
export function customerReview(form: OnboardingForm, values: FormValues, check: CustomerCheck): OnboardingReview {
  const name = one(values.name) ?? 'this customer';
  const where = choiceLabel(form, 'country', one(values.country)) ?? 'its country';
  const precheck: ReviewSection = {
    id: 'precheck',
    heading: 'Webex precheck',
    fields: [],
    notes: [`Webex’s precheck found nothing that stops creating ${name} in ${where}.`],
    editable: false,
  };
  return {
    form: 'customer',
    title: 'Review the customer',
    intro: 'Review the customer summary. Edit changes a section; if the information is correct, Create customer creates it.',
    ...finalButton(check.submitAsks, 'Create customer', 'customer'),
    sections: [...sectionsOf(form, values, {}, { templateId: check.templateName }), precheck],
    values,
  };
}

function sectionsOf(
  form: OnboardingForm,
  values: FormValues,
  notes: Record<string, string[]>,
  known: Record<string, string> = {},
): ReviewSection[] {
  const byId = new Map(form.fields.map((f) => [f.id, f]));
  return SECTIONS[form.form].map((s) => ({
    id: s.id,
    heading: s.heading,
    fields: s.fields.flatMap((id) => {
      const field = byId.get(id);
      return field ? [{ label: field.label, value: known[id] ?? valueInWords(field, values[id]) }] : [];
    }),
    notes: notes[s.id] ?? [],
    editable: true,
  }));
}

/** What the user chose, as they saw it in the form: a choice by its label, the box by whether it is checked. */
function valueInWords(field: FormField, value: string | string[] | undefined): string {
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean);
  if (field.type === 'checkbox') return chosen.includes('true') ? `Checked: ${field.choices?.[0]?.label ?? field.label}` : 'Not checked';
  if (!chosen.length) return field.required ? 'Not given' : 'None';
  const labels = chosen.map((v) => field.choices?.find((c) => c.value === v)?.label ?? v);
  return labels.join(', ');
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function choiceLabel(form: OnboardingForm, id: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  return form.fields.find((f) => f.id === id)?.choices?.find((c) => c.value === value)?.label ?? value;
}

/** Above the form a section's Edit returns to: which part to change, and that the review comes again. */
export function editNotice(form: OnboardingForm['form'], section: string): string | undefined {
  const heading = SECTIONS[form].find((s) => s.id === section)?.heading;
  return heading ? `Change the ${heading.toLowerCase()}, then Next shows the review again.` : undefined;
}

/**
 * Create/Submit refused on a page with no inputs to put the problems under (Slack's
 * review modal): the form comes back with the draft, and this line on top names each
 * problem by its input's label.
 */
export function refusalNotice(form: OnboardingForm, refusal: { problems: Record<string, string>; notice?: string }): string {
  const label = (id: string) => form.fields.find((f) => f.id === id)?.label ?? id;
  const named = Object.entries(refusal.problems).map(([id, message]) => `${label(id)}: ${message}`);
  return ['Nothing was created.', refusal.notice, ...named, 'Change it here, then Next.'].filter(Boolean).join(' ');
}
