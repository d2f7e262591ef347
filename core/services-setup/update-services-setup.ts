import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import type { FieldProblem } from '../errors';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import { submitAsksFor } from '../access/submit-asks';
import { recordedAs, servicesSetupStanding } from './authorize-services-setup';
import type { Platform, Telephony } from './country-options';
import { PLATFORMS, TELEPHONY, findCountryOption, incompatibleLocation } from './country-options';
import { COUNTRY_LOCKED, emptySetup } from './services-setup';
import type { ServicesSetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';
import type { ServicesSetupView } from './services-setup-view';
import { effectiveSetup, presentServicesSetup, telephonyChoices } from './services-setup-view';
import type { UpdateServicesSetupInput } from './services-setup.schemas';
import { isTimeZone, parseUpdate } from './services-setup.schemas';
import { validationFailed } from '../validation-problems';

/**
 * One or more of the wizard's pages saved (Control Hub, "Services setup wizard", step 4):
 * the country of operation (default: the order mapping's) and its confirmation, after
 * which "You can't change the country of operation"; the time zone; the platform and
 * telephony among the options the country allows. Nothing is stored unless all of it is valid.
 *
 * A member of the partner domain who is not its Administrator may save these pages too,
 * as a draft: nothing leaves provbot until Submit, and Submit by a member only asks the
 * domain's administrators, who see the whole setup (the confirmed country and who
 * confirmed it included) and decide on exactly that version of it. Refusing the saves
 * instead would leave the member nothing to ask for but a setup someone else filled.
 * The country lock applies to a member's confirmation as to anyone's (the seed's rule:
 * "You can't change the country of operation for Webex Contact Center after you click
 * confirm"); an administrator who disagrees declines the request.
 */
export async function updateServicesSetup(
  deps: ServicesSetupDeps,
  input: { actor: Actor; customerId: string; changes: unknown },
): Promise<ServicesSetupView> {
  const { customer, standing } = await servicesSetupStanding(deps, input.actor, input.customerId, 'change the services setup');
  const changes = parseUpdate(input.changes);
  const now = deps.clock.now();
  const current = (await deps.servicesSetups.find(customer.id)) ?? emptySetup(customer.id, now);
  if (current.state !== 'draft')
    throw new CoreError('CONFLICT', { reason: 'the services setup was already submitted, so it can no longer be changed' });
  const next = applyChanges(customer, current, changes, { by: recordedAs(input.actor), now });
  const saved = { ...next, version: current.version + 1, updatedAt: now };
  if (!(await deps.servicesSetups.saveIfVersion(saved, current.version))) throw await lostRace(deps, customer.id, changes);
  return presentServicesSetup(customer, saved, await submitAsksFor(deps, standing, customer.partnerDomain));
}

function applyChanges(
  customer: CustomerForSetup,
  current: ServicesSetup,
  changes: UpdateServicesSetupInput,
  who: { by: string; now: Date },
) {
  const problems: FieldProblem[] = [];
  let next: ServicesSetup = { ...current };
  if (changes.sipAddressName !== undefined) next.sipAddressName = changes.sipAddressName;
  next = applyCountry(customer, next, changes, who, problems);
  if (changes.timezone !== undefined) {
    if (customer.ccaiOnly) problems.push({ field: 'timezone', message: 'No time zone is set when only CCAI services are provisioned' });
    else if (!isTimeZone(changes.timezone))
      problems.push({ field: 'timezone', message: `${changes.timezone} is not a time zone name such as Europe/London` });
    else next.timezone = changes.timezone;
  }
  next = applyPlatformAndTelephony(customer, next, changes, problems);
  if (problems.length) throw validationFailed(problems);
  return next;
}

function applyCountry(
  customer: CustomerForSetup,
  setup: ServicesSetup,
  changes: UpdateServicesSetupInput,
  who: { by: string; now: Date },
  problems: FieldProblem[],
) {
  const confirmed = setup.countryConfirmedAt !== null;
  const wanted = changes.countryOfOperation;
  if (confirmed && ((wanted !== undefined && wanted !== setup.countryOfOperation) || changes.confirmCountry === false))
    throw new CoreError('CONFLICT', { reason: COUNTRY_LOCKED });
  if (confirmed || (wanted === undefined && changes.confirmCountry !== true)) return setup;
  const country = wanted ?? effectiveSetup(customer, setup).countryOfOperation;
  if (!findCountryOption(country)) {
    problems.push({ field: 'countryOfOperation', message: capitalize(incompatibleLocation(country)) });
    return setup;
  }
  // A new country brings its own region's defaults and options: earlier choices go.
  const moved = country !== setup.countryOfOperation && setup.countryOfOperation !== null;
  const next = moved
    ? { ...setup, countryOfOperation: country, timezone: null, platform: null, telephony: null }
    : { ...setup, countryOfOperation: country };
  return changes.confirmCountry ? { ...next, countryConfirmedAt: who.now, countryConfirmedBy: who.by } : next;
}

function applyPlatformAndTelephony(
  customer: CustomerForSetup,
  setup: ServicesSetup,
  changes: UpdateServicesSetupInput,
  problems: FieldProblem[],
) {
  if (changes.platform === undefined && changes.telephony === undefined) return setup;
  if (setup.countryConfirmedAt === null) {
    const field = changes.platform !== undefined ? 'platform' : 'telephony';
    problems.push({ field, message: 'Confirm the country of operation first: the platform and telephony options depend on it' });
    return setup;
  }
  const e = effectiveSetup(customer, setup);
  let next = setup;
  if (changes.platform !== undefined) {
    if (!e.option?.platforms.includes(changes.platform as Platform))
      problems.push({
        field: 'platform',
        message: `Choose one of the platforms offered in ${e.option?.name}: ${e.option?.platforms.map((p) => PLATFORMS[p]).join(', ')}`,
      });
    else if (changes.platform !== setup.platform) next = { ...next, platform: changes.platform as Platform, telephony: null };
  }
  if (changes.telephony !== undefined) {
    const platform = next.platform ?? e.platform;
    const allowed = telephonyChoices(e.option, platform, customer).map((c) => c.value);
    if (!platform) problems.push({ field: 'telephony', message: 'Choose the platform first: the telephony options depend on it' });
    else if (e.telephonyAutomatic && changes.telephony !== e.telephony)
      problems.push({
        field: 'telephony',
        message: `The Cisco PSTN add-on applies its own telephony (${TELEPHONY['cisco-pstn'].label}); it can't be changed`,
      });
    else if (!allowed.includes(changes.telephony as Telephony))
      problems.push({
        field: 'telephony',
        message: `Choose one of the telephony options for this platform in ${e.option?.name}: ${allowed.map((t) => TELEPHONY[t].label).join('; ')}`,
      });
    else next = { ...next, platform, telephony: changes.telephony as Telephony };
  }
  return next;
}

/** Someone else saved first: a country they confirmed is locked (the seed's reason); anything else, look again. */
async function lostRace(deps: ServicesSetupDeps, customerId: string, changes: UpdateServicesSetupInput): Promise<CoreError> {
  const now = await deps.servicesSetups.find(customerId);
  if (now?.state !== 'draft')
    return new CoreError('CONFLICT', { reason: 'the services setup was already submitted, so it can no longer be changed' });
  if (
    now.countryConfirmedAt &&
    (changes.confirmCountry || changes.countryOfOperation !== undefined) &&
    changes.countryOfOperation !== now.countryOfOperation
  )
    return new CoreError('CONFLICT', {
      reason: `${COUNTRY_LOCKED}: ${now.countryConfirmedBy ?? 'another administrator'} confirmed ${findCountryOption(now.countryOfOperation ?? '')?.name ?? now.countryOfOperation} first`,
    });
  return new CoreError('CONFLICT', {
    reason: 'another administrator changed the services setup at the same moment; look at it again and repeat your change',
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
