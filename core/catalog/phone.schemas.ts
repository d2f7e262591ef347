import { z } from 'zod';

/**
 * Phone attributes from prime-provisioning-managing-orders, Table 10-1 (Phone row) and
 * "Shipping Phones". The 79xx models are the Cisco Unified IP Phones the seed names
 * for SIP phones ("7911, 7941, 7942, 7945, 7961, 7962, 7965, 7970, 7971, 7975").
 */
export const IP_PHONE_MODELS = ['7911', '7941', '7942', '7945', '7961', '7962', '7965', '7970', '7971', '7975'] as const;
export const PHONE_TYPES = [
  ...IP_PHONE_MODELS,
  'Cisco Unified Personal Communicator',
  'Dual Mode for iPhone',
  'CTI Port',
  'Cisco IP Communicator',
  'Cisco Services Framework',
] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const isIpPhone = (t: PhoneType): boolean => (IP_PHONE_MODELS as readonly string[]).includes(t);

/** "7945", "Cisco 7945", "cti port": a phone type as people type it. */
export function normalisePhoneType(raw: string): PhoneType | null {
  const s = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  const model = /^(?:cisco (?:unified ip phone )?)?(79\d\d)$/.exec(s)?.[1];
  return PHONE_TYPES.find((t) => t.toLowerCase() === s || t === model) ?? null;
}

/**
 * A MAC address as printed on the phone's sticker ("00:1A:2B:3C:4D:5E", "001A.2B3C.4D5E")
 * comes down to the 12 hexadecimal characters the seed asks for.
 */
export const stripMacSeparators = (raw: string): string => raw.trim().replace(/[:.-]/g, '');

/** Shown under the MAC address input, so it does not name the field again. */
const MAC_RULE = 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E';

/** "type a hexadecimal value ... The value must be 12 characters in length" (Shipping Phones). */
export function macAddressIssue(given: string): string | null {
  const raw = stripMacSeparators(given);
  const bad = raw.match(/[^0-9A-Fa-f]/);
  if (bad) return `${MAC_RULE}; '${bad[0]}' is not one.`;
  if (raw.length !== 12) return `${MAC_RULE}; this has ${raw.length}.`;
  return null;
}

export const ZMacAddress = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const issue = macAddressIssue(s);
    if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue });
  })
  .transform((s) => stripMacSeparators(s).toUpperCase());

export interface DeviceNameContext {
  /** The subscriber's login: a Personal Communicator's device name "must match the username". */
  login: string;
  macAddress: string | null;
}

/** The device name a phone gets, or why the one given is not allowed. */
export function deviceNameFor(type: PhoneType, given: string | undefined, ctx: DeviceNameContext): { value?: string; issue?: string } {
  if (isIpPhone(type)) return ipPhoneDeviceName(given, ctx.macAddress);
  switch (type) {
    case 'Cisco Unified Personal Communicator':
      return upcDeviceName(given, ctx.login);
    case 'Dual Mode for iPhone':
      return iPhoneDeviceName(given);
    case 'CTI Port':
    case 'Cisco IP Communicator':
      // "Must contain 1 to 15 characters. Valid values are alphanumeric characters
      // (A-Z, a-z, 0-9), underscore (_), hyphen (-), and period (.)."
      if (!given) return { issue: `a ${type} needs a device name (1 to 15 of A-Z, a-z, 0-9, _ - .)` };
      return /^[A-Za-z0-9_.-]{1,15}$/.test(given)
        ? { value: given }
        : { issue: `a ${type} device name must be 1 to 15 of A-Z, a-z, 0-9, underscore, hyphen and period; got '${given}'` };
    default:
      // Cisco Services Framework: "Must contain 1 to 15 characters ... alphanumeric characters (A-Z, a-z, 0-9)."
      if (!given) return { issue: `a ${type} needs a device name (1 to 15 letters and digits)` };
      return /^[A-Za-z0-9]{1,15}$/.test(given)
        ? { value: given }
        : { issue: `a ${type} device name must be 1 to 15 letters and digits (A-Z, a-z, 0-9); got '${given}'` };
  }
}

/** An IP phone is named SEP followed by its MAC address; without a MAC yet, it gets one at Assignment. */
function ipPhoneDeviceName(given: string | undefined, mac: string | null): { value?: string; issue?: string } {
  if (!given) return mac ? { value: `SEP${mac}` } : {};
  const name = given.toUpperCase();
  const m = /^SEP([0-9A-F]{12})$/.exec(name);
  if (!m) return { issue: `an IP phone's device name is SEP followed by its 12-character MAC address; got '${given}'` };
  if (mac && m[1] !== mac) return { issue: `device name ${name} does not match MAC address ${mac}` };
  return { value: name };
}

function upcDeviceName(given: string | undefined, login: string): { value?: string; issue?: string } {
  // "The device name must match the username ... must consist of uppercase letters (A-Z)
  // and numbers (0-9). All other characters are ignored ... twelve additional
  // characters after UPC" (john_jackson -> JOHNJACKSON).
  const expected = login.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (expected.length === 0 || expected.length > 12) {
    return {
      issue: `a Personal Communicator device name is the username in at most 12 letters and digits; '${login}' gives ${expected.length}`,
    };
  }
  if (given === undefined) return { value: expected };
  const name = given.replace(/[^A-Za-z0-9]/g, '');
  if (name !== name.toUpperCase())
    return { issue: `a Personal Communicator device name is uppercase letters (A-Z) and digits (0-9); got '${given}'` };
  if (name !== expected) return { issue: `a Personal Communicator device name must match the username: ${expected}, not ${name}` };
  return { value: name };
}

function iPhoneDeviceName(given: string | undefined): { value?: string; issue?: string } {
  // "It must contain the prefix TCT. If you do not enter the prefix, Provisioning will
  // automatically add it. It can contain up to fifteen characters (including the
  // prefix) ... only alphanumeric ... converts any lowercase letters to uppercase."
  if (!given) return { issue: 'a Dual Mode for iPhone needs a device name (TCT and up to 12 letters and digits)' };
  if (!/^[A-Za-z0-9]+$/.test(given)) return { issue: `an iPhone device name is letters and digits only (A-Z, a-z, 0-9); got '${given}'` };
  const upper = given.toUpperCase();
  const name = upper.startsWith('TCT') ? upper : `TCT${upper}`;
  if (name.length > 15) return { issue: `an iPhone device name is at most 15 characters including TCT; ${name} has ${name.length}` };
  return { value: name };
}

/**
 * "While ordering a SIP phone, select Yes for Enable Extension Mobility for the
 * following Cisco Unified IP Phones only: 7911, 7941, ... The order will fail if
 * Extension Mobility is not supported on the selected SIP phone."
 */
export const supportsExtensionMobility = isIpPhone;
