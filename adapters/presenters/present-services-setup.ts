import { getTimezonesForCountry } from 'countries-and-timezones';
import type { ServicesSetupView } from '../../core/index';
import { COUNTRY_OPTIONS, PLATFORMS } from '../../core/index';
import { finalButton } from './submit-asks-words';
import type { Field } from './view';

/**
 * The services setup wizard's pages in the seed's order (Control Hub, "Services setup
 * wizard", steps 2 to 5): Summary → Calling Setup → country of operation, Save → Confirm
 * Country of Operation → time zone (none when only CCAI services are provisioned) →
 * platform → telephony → Review. Slack shows each as a modal view, Teams as a card.
 */
export const SETUP_PAGES = [
  'summary',
  'calling-setup',
  'country',
  'confirm-country',
  'timezone',
  'platform',
  'telephony',
  'review',
] as const;
export type SetupPage = (typeof SETUP_PAGES)[number];
export const isSetupPage = (s: string): s is SetupPage => (SETUP_PAGES as readonly string[]).includes(s);

export type SetupInputId = 'sipAddressName' | 'countryOfOperation' | 'timezone' | 'platform' | 'telephony';

export interface SetupChoice {
  value: string;
  label: string;
  /** Said beside the option: VPOP's "legacy, not recommended". */
  tag: string | null;
}

export interface SetupInput {
  id: SetupInputId;
  label: string;
  kind: 'text' | 'choice';
  initial: string | null;
  choices: SetupChoice[];
  hint: string | null;
}

/** One page: words, at most one input, the button that saves and moves on, and "Go back and edit" on the review. */
export interface SetupPageView {
  page: SetupPage;
  customerId: string;
  title: string;
  paragraphs: string[];
  fields: Field[];
  input: SetupInput | null;
  submitLabel: string;
  /** Just above the review's Submit: said when it only asks the partner's administrators (the core's SubmitAsks). */
  submitNotice: string | null;
  /** The review's "Go back and edit": the page it opens. */
  backTo: SetupPage | null;
}

const SEED_INCOMPATIBLE = 'If an incompatible location message appears, contact Cisco Solution Assurance for support.';

export function presentSetupPage(view: ServicesSetupView, page: SetupPage): SetupPageView {
  const base = {
    page,
    customerId: view.customerId,
    fields: [] as Field[],
    input: null,
    backTo: null,
    submitLabel: 'Next',
    submitNotice: null,
  };
  const title = 'Services setup';
  switch (page) {
    case 'summary':
      return {
        ...base,
        title,
        paragraphs: [`Contact center licences for ${view.customerName}. Review them, then set up now.`],
        fields: view.licences.map((l) => ({ label: 'Licence', value: l })),
        submitLabel: 'Set up now',
      };
    case 'calling-setup':
      return {
        ...base,
        title,
        paragraphs: ['Calling setup: review the SIP address name of the organization.'],
        input: text('sipAddressName', 'SIP address name', view.sipAddressName),
      };
    case 'country':
      return countryPage(view, base);
    case 'confirm-country':
      return {
        ...base,
        title: 'Confirm the country',
        paragraphs: [
          `Country of operation: ${view.countryName ?? view.countryOfOperation} (data centre: ${view.dataCenter ?? 'none'}).`,
          "You can't change the country of operation for Webex Contact Center after you confirm.",
        ],
        submitLabel: 'Confirm',
      };
    case 'timezone':
      return {
        ...base,
        title,
        paragraphs: ['Time zone of the contact center tenant. The default follows the region the contact center operates from.'],
        input: choice('timezone', 'Time zone', view.timezone, timezonesOf(view)),
      };
    case 'platform':
      return {
        ...base,
        title,
        paragraphs: [`The Webex Contact Center platforms offered in ${view.countryName ?? view.countryOfOperation}.`],
        input: choice(
          'platform',
          'Platform',
          view.platform,
          view.options.platform.map((p) => ({ value: p.value, label: p.label, tag: null })),
        ),
      };
    case 'telephony':
      return telephonyPage(view, base);
    case 'review':
      return {
        ...base,
        title: 'Review',
        paragraphs: ['Review the details, then submit. The services setup takes a few minutes.'],
        fields: reviewFields(view),
        ...finalButton(view.submitAsks, 'Submit', 'services setup'),
        backTo: 'calling-setup',
      };
  }
}

type Base = Omit<SetupPageView, 'title' | 'paragraphs'>;

function countryPage(view: ServicesSetupView, base: Base): SetupPageView {
  if (view.countryConfirmed)
    return {
      ...base,
      title: 'Country of operation',
      paragraphs: [
        `Country of operation: ${view.countryName ?? view.countryOfOperation}, confirmed. It can't be changed after confirmation.`,
      ],
    };
  const choices = [...COUNTRY_OPTIONS.values()].map((c) => ({ value: c.country, label: c.name, tag: null }));
  return {
    ...base,
    title: 'Country of operation',
    paragraphs: [
      'Choose the country of operation: the tenant is created in the data centre for that country. By default it is the country of the order mapping.',
      view.incompatibleLocation ? `${capitalize(view.incompatibleLocation)}.` : SEED_INCOMPATIBLE,
    ],
    input: choice('countryOfOperation', 'Country or region', view.incompatibleLocation ? null : view.countryOfOperation, choices),
    submitLabel: 'Save',
  };
}

function telephonyPage(view: ServicesSetupView, base: Base): SetupPageView {
  if (view.telephonyAutomatic)
    return {
      ...base,
      title: 'Telephony',
      paragraphs: ['The Cisco PSTN for Contact Center add-on applies its own telephony option.'],
      fields: [{ label: 'Telephony', value: view.options.telephony[0]?.label ?? 'Cisco PSTN for Contact Center' }],
    };
  // "VPOP is a legacy option. It is not recommended for new customers": said on the option itself.
  const choices = view.options.telephony.map((t) => ({
    value: t.value,
    label: t.label,
    tag: t.value === 'vpop' ? 'legacy, not recommended' : null,
  }));
  const notes = view.options.telephony.flatMap((t) => (t.note ? [t.note] : []));
  return {
    ...base,
    title: 'Telephony',
    paragraphs: ['Choose the telephony option for the platform.', ...notes],
    input: choice('telephony', 'Telephony', view.telephony, choices),
  };
}

export function reviewFields(view: ServicesSetupView): Field[] {
  const telephony = view.options.telephony.find((t) => t.value === view.telephony)?.label ?? view.telephony ?? 'not chosen';
  return [
    { label: 'Customer', value: view.customerName },
    { label: 'SIP address name', value: view.sipAddressName },
    { label: 'Country of operation', value: view.countryName ?? view.countryOfOperation },
    { label: 'Data centre', value: view.dataCenter ?? 'none' },
    ...(view.hasTimezoneStep ? [{ label: 'Time zone', value: view.timezone ?? 'not chosen' }] : []),
    { label: 'Platform', value: view.platform ? PLATFORMS[view.platform] : 'not chosen' },
    { label: 'Telephony', value: telephony },
  ];
}

/** The page after a saved one; the time zone page is skipped when only CCAI services are provisioned. */
export function pageAfter(view: ServicesSetupView, page: SetupPage): SetupPage {
  const next = SETUP_PAGES[SETUP_PAGES.indexOf(page) + 1] ?? 'review';
  if (next === 'confirm-country' && view.countryConfirmed) return pageAfter(view, next);
  if (next === 'timezone' && !view.hasTimezoneStep) return 'platform';
  return next;
}

/** What a page's Save / Next / Confirm stores: the core's changes, or nothing to store. */
export function changesFor(page: SetupPage, value: string | undefined): Record<string, unknown> | null {
  switch (page) {
    case 'calling-setup':
      return value === undefined ? null : { sipAddressName: value };
    case 'country':
      return value === undefined ? null : { countryOfOperation: value };
    case 'confirm-country':
      return { confirmCountry: true };
    case 'timezone':
      return value === undefined ? null : { timezone: value };
    case 'platform':
      return value === undefined ? null : { platform: value };
    case 'telephony':
      return value === undefined ? null : { telephony: value };
    default:
      return null;
  }
}

function timezonesOf(view: ServicesSetupView): SetupChoice[] {
  const zones = getTimezonesForCountry(view.countryOfOperation) ?? [];
  const names: string[] = zones.map((z) => z.name);
  if (view.timezone && !names.includes(view.timezone)) names.unshift(view.timezone);
  return names.slice(0, 100).map((n) => ({ value: n, label: n, tag: null }));
}

const text = (id: SetupInputId, label: string, initial: string): SetupInput => ({
  id,
  label,
  kind: 'text',
  initial,
  choices: [],
  hint: null,
});

const choice = (id: SetupInputId, label: string, initial: string | null, choices: SetupChoice[]): SetupInput => ({
  id,
  label,
  kind: 'choice',
  initial: choices.some((c) => c.value === initial) ? initial : null,
  choices,
  hint: null,
});

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
