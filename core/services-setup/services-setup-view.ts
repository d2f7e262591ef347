import type { SubmitAsks } from '../access/submit-asks';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import type { SetupProgressStep } from '../ports/services-setup-backend.port';
import type { CountryOption, Platform, Region, Telephony } from './country-options';
import { PLATFORMS, TELEPHONY, automaticTelephony, findCountryOption, incompatibleLocation, telephonyOptions } from './country-options';
import type { ServicesSetup, SetupState, SetupStep } from './services-setup';

export interface SetupOption<V extends string> {
  value: V;
  label: string;
  /** The seed's footnote ("VPOP is a legacy option...", "offered free of cost"), if any. */
  note: string | null;
}

/** The wizard as an administrator sees it now: values in force (saved or default), the options allowed, the next step. */
export interface ServicesSetupView {
  customerId: string;
  customerName: string;
  licences: string[];
  trial: boolean;
  state: SetupState;
  version: number;
  sipAddressName: string;
  countryOfOperation: string;
  countryName: string | null;
  countryConfirmed: boolean;
  region: Region | null;
  dataCenter: string | null;
  /** Words for an incompatible location, else null. */
  incompatibleLocation: string | null;
  /** False when only CCAI services are provisioned (the seed gives no time zone step then). */
  hasTimezoneStep: boolean;
  timezone: string | null;
  platform: Platform | null;
  telephony: Telephony | null;
  /** The Cisco PSTN add-on applied the telephony itself. */
  telephonyAutomatic: boolean;
  options: { platform: SetupOption<Platform>[]; telephony: SetupOption<Telephony>[] };
  nextStep: SetupStep | 'in-progress' | 'completed' | 'failed';
  progress: SetupProgressStep[];
  submittedAt: Date | null;
  submittedBy: string | null;
  completedAt: Date | null;
  failure: string | null;
  /** Not null for a member of the partner domain: the review's Submit then asks these administrators instead. */
  submitAsks: SubmitAsks | null;
}

/** "Review the SIP address name of your organization": the organization's domain stem, else the name as letters and digits. */
export function defaultSipAddressName(customer: CustomerForSetup): string {
  const stem = customer.organizationDomain?.split('.')[0] ?? customer.name;
  return (
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'organization'
  );
}

/** Values in force: what was saved, else the seed's defaults (order mapping country, the region's time zone, the add-on's telephony). */
export function effectiveSetup(customer: CustomerForSetup, setup: ServicesSetup) {
  const countryOfOperation = setup.countryOfOperation ?? customer.orderCountry.toUpperCase();
  const option = findCountryOption(countryOfOperation);
  const platform = setup.platform ?? (option?.platforms.length === 1 ? option.platforms[0]! : null);
  const automatic = option ? automaticTelephony(option, customer) : null;
  return {
    option,
    sipAddressName: setup.sipAddressName ?? defaultSipAddressName(customer),
    countryOfOperation,
    timezone: customer.ccaiOnly ? null : (setup.timezone ?? option?.defaultTimezone ?? null),
    platform,
    telephony: automatic ?? setup.telephony,
    telephonyAutomatic: automatic !== null,
  };
}

export function platformChoices(option: CountryOption | null): SetupOption<Platform>[] {
  return (option?.platforms ?? []).map((value) => ({ value, label: PLATFORMS[value], note: null }));
}

export function telephonyChoices(option: CountryOption | null, platform: Platform | null, customer: CustomerForSetup) {
  if (!option || !platform) return [];
  return telephonyOptions(option, platform, customer).map((value) => ({
    value,
    label: TELEPHONY[value].label,
    note: TELEPHONY[value].note,
  }));
}

export function presentServicesSetup(customer: CustomerForSetup, setup: ServicesSetup, submitAsks: SubmitAsks | null): ServicesSetupView {
  const e = effectiveSetup(customer, setup);
  return {
    customerId: customer.id,
    customerName: customer.name,
    licences: customer.licences,
    trial: customer.trial,
    state: setup.state,
    version: setup.version,
    sipAddressName: e.sipAddressName,
    countryOfOperation: e.countryOfOperation,
    countryName: e.option?.name ?? null,
    countryConfirmed: setup.countryConfirmedAt !== null,
    region: e.option?.region ?? null,
    dataCenter: e.option?.dataCenter ?? null,
    incompatibleLocation: e.option ? null : incompatibleLocation(e.countryOfOperation),
    hasTimezoneStep: !customer.ccaiOnly,
    timezone: e.timezone,
    platform: e.platform,
    telephony: e.telephony,
    telephonyAutomatic: e.telephonyAutomatic,
    options: { platform: platformChoices(e.option), telephony: telephonyChoices(e.option, e.platform, customer) },
    nextStep: nextStep(customer, setup, e),
    progress: setup.progress,
    submittedAt: setup.submittedAt,
    submittedBy: setup.submittedBy,
    completedAt: setup.completedAt,
    failure: setup.failure,
    // A setup no longer a draft has no Submit left to ask with.
    submitAsks: setup.state === 'draft' ? submitAsks : null,
  };
}

function nextStep(customer: CustomerForSetup, setup: ServicesSetup, e: ReturnType<typeof effectiveSetup>): ServicesSetupView['nextStep'] {
  if (setup.state === 'submitted') return 'in-progress';
  if (setup.state !== 'draft') return setup.state;
  if (setup.sipAddressName === null) return 'calling-setup';
  if (setup.countryConfirmedAt === null) return 'country';
  if (!customer.ccaiOnly && setup.timezone === null) return 'timezone';
  if (setup.platform === null) return 'platform';
  if (e.telephony === null) return 'telephony';
  return 'review';
}
