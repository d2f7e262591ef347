import type { FieldKey, TemplateWithCount, WebexPackage } from '../../core/index';
import { SUPPORTED_COUNTRIES, WEBEX_PACKAGES } from '../../core/index';
import { fieldLabel } from './labels';
import { PACKAGE_LABELS } from './webex-packages';

/**
 * The onboarding forms (partner-hub-provision-customer) for Slack to build a modal and
 * Teams a card from. Values come back by field id: one string, several for a
 * multi-select, "true" for a checked box. The core checks every value again.
 */
export interface FormChoice {
  value: string;
  label: string;
}

export interface FormField {
  id: string;
  label: string;
  required: boolean;
  type: 'text' | 'choice' | 'multi-choice' | 'checkbox';
  choices?: readonly FormChoice[];
  hint?: string;
  placeholder?: string;
  maxLength: number;
  /** What the input starts with (a choice's value). */
  initial?: string;
}

export interface OnboardingForm {
  form: 'customer' | 'template';
  title: string;
  submitLabel: string;
  fields: readonly FormField[];
}

export type FormValues = Record<string, string | string[] | undefined>;
export type FormProblems = Record<string, string>;

const PACKAGE_CHOICES: FormChoice[] = WEBEX_PACKAGES.map((p) => ({ value: p, label: PACKAGE_LABELS[p] }));
const COUNTRY_CHOICES: FormChoice[] = Object.entries(SUPPORTED_COUNTRIES)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The seed's check box, word for word: "I verify that this customer is in a Cisco Webex supported location". */
export const SUPPORTED_LOCATION_BOX = 'I verify that this customer is in a supported location';

const text = (id: string, label: string, required: boolean, maxLength: number, hint?: string): FormField => ({
  id,
  label,
  required,
  type: 'text',
  maxLength,
  ...(hint ? { hint } : {}),
});

/** "Create Customer via Partner Hub": company, administrator, template, packages, headquarters, the box. */
export function customerForm(templates: readonly Pick<TemplateWithCount, 'id' | 'name'>[]): OnboardingForm {
  return {
    form: 'customer',
    title: 'New customer',
    // Seed: "Click Next" after each screen; the review that follows has Create customer.
    submitLabel: 'Next',
    fields: [
      text('name', 'Company name', true, 80),
      text('adminEmail', fieldLabel('adminEmail'), true, 254, 'The customer’s first administrator: they get the welcome email.'),
      {
        id: 'templateId',
        label: fieldLabel('templateId'),
        required: true,
        type: 'choice',
        choices: templates.map((t) => ({ value: t.id, label: t.name })),
        hint: 'The template sets the subscription, language, time zone and which packages the customer may have.',
        maxLength: 64,
      },
      {
        id: 'packages',
        label: fieldLabel('packages'),
        required: true,
        type: 'multi-choice',
        choices: PACKAGE_CHOICES,
        hint: 'Cisco Calling Plan and Attendant Console need a calling package beside them.',
        maxLength: 64,
      },
      text('addressLine1', 'Headquarters address line 1', true, 50),
      text('addressLine2', 'Headquarters address line 2', false, 50),
      text('city', 'City', true, 50),
      text('stateOrProvince', 'State or province', false, 50),
      text('postalCode', 'Postal code', false, 50),
      { id: 'country', label: 'Country', required: true, type: 'choice', choices: COUNTRY_CHOICES, maxLength: 2 },
      {
        id: 'supportedLocationVerified',
        label: 'Supported location',
        required: true,
        type: 'checkbox',
        choices: [{ value: 'true', label: SUPPORTED_LOCATION_BOX }],
        hint: 'Webex for Wholesale creates customers only in the countries it supports.',
        maxLength: 4,
      },
    ],
  };
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? v.split(',') : []).map((s) => s.trim());

/** The customer form's values as the core's createCustomer input; the domain is the chosen template's. */
export function customerInput(values: FormValues, domain: string): Record<string, unknown> {
  return {
    domain,
    name: one(values.name),
    adminEmail: one(values.adminEmail),
    templateId: one(values.templateId),
    packages: many(values.packages).filter(Boolean) as WebexPackage[],
    headquarters: {
      addressLine1: one(values.addressLine1),
      addressLine2: one(values.addressLine2),
      city: one(values.city),
      stateOrProvince: one(values.stateOrProvince),
      postalCode: one(values.postalCode),
      country: one(values.country),
    },
    supportedLocationVerified: many(values.supportedLocationVerified).includes('true'),
  };
}

/** Which customer form input shows a problem of the core's `field`: the headquarters' own lines by theirs, the rest by name. */
export function customerInputOf(field: FieldKey): string | undefined {
  if (field === 'headquarters') return 'addressLine1';
  if (field === 'domain') return 'templateId';
  if (field.startsWith('headquarters.')) return field.slice('headquarters.'.length);
  return ['name', 'adminEmail', 'templateId', 'packages', 'supportedLocationVerified'].includes(field) ? field : undefined;
}

/** The seed's caution beside the optional Cloud Connected PSTN vendor, word for word. */
export const PSTN_CAUTION = 'Cisco does not recommend using this optional template setting due to limitations with this approach.';

/** "Configure a Onboarding Template": primary settings, authentication, the optional PSTN vendor, common and call settings. */
export function templateForm(): OnboardingForm {
  return {
    form: 'template',
    title: 'New onboarding template',
    // Seed: "Click Next"; the review that follows has Submit.
    submitLabel: 'Next',
    fields: [
      text('name', 'Template name', true, 80),
      text(
        'subscriptionId',
        'Wholesale subscription ID',
        true,
        64,
        'The partner’s Webex Wholesale subscription this template provisions under.',
      ),
      {
        id: 'authenticationMethod',
        label: fieldLabel('authenticationMethod'),
        required: true,
        type: 'choice',
        choices: [
          { value: 'webex', label: 'Webex' },
          { value: 'sso', label: 'Single sign-on (SSO)' },
        ],
        initial: 'webex',
        maxLength: 8,
      },
      text('pstnVendor', fieldLabel('pstnVendor'), false, 80, PSTN_CAUTION),
      { ...text('language', 'Default language', true, 10, 'Such as en_US or fr_FR.'), initial: 'en_US' },
      text('timezone', 'Default time zone', true, 64, 'Such as America/New_York or Europe/Paris.'),
      {
        id: 'packages',
        label: 'Allowed packages',
        required: true,
        type: 'multi-choice',
        choices: PACKAGE_CHOICES,
        hint: 'The packages customers created from this template may have.',
        maxLength: 64,
      },
    ],
  };
}

/** The template form's values as the core's createTemplate input. */
export function templateInput(values: FormValues, domain: string): Record<string, unknown> {
  return {
    domain,
    name: one(values.name),
    subscriptionId: one(values.subscriptionId),
    authenticationMethod: one(values.authenticationMethod),
    pstnVendor: one(values.pstnVendor),
    language: one(values.language),
    timezone: one(values.timezone),
    packages: many(values.packages).filter(Boolean),
  };
}

const TEMPLATE_INPUTS = ['name', 'subscriptionId', 'authenticationMethod', 'pstnVendor', 'language', 'timezone', 'packages'];

/** Which template form input shows a problem of the core's `field`; the domain's, under the name. */
export const templateInputOf = (field: FieldKey): string | undefined =>
  field === 'domain' ? 'name' : TEMPLATE_INPUTS.includes(field) ? field : undefined;
