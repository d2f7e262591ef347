import { z } from 'zod';
import type { FieldProblem } from '../validation-problems';
import { problem, problemsFromZod } from '../validation-problems';
import type { ProductType } from './catalog';
import {
  deviceNameFor,
  isIpPhone,
  macAddressIssue,
  normalisePhoneType,
  PHONE_TYPES,
  stripMacSeparators,
  supportsExtensionMobility,
} from './phone.schemas';

/**
 * Order entry fields per product type (prime-provisioning-managing-orders, Table 10-3).
 * "When these fields appear during the order process, they are always required": in
 * chat, the ones the subscriber record can answer (line display name, voicemail alias,
 * email id) default from it, so `order jdoe Enhanced Phone Service phoneType=7945` works.
 */
export interface AttributeContext {
  subscriber: { login: string; firstName: string; lastName: string; email: string };
  /** Advanced Ordering or Administrator in the domain: other provisioning attributes allowed. */
  advanced: boolean;
}

const LINE_KEYS = ['lineType', 'directoryNumber', 'displayName'] as const;
export const ATTRIBUTE_KEYS: Record<ProductType, readonly string[]> = {
  Phone: ['phoneType', 'deviceName', 'macAddress', 'enableExtensionMobility'],
  Line: LINE_KEYS,
  'Line on a Shared Phone': LINE_KEYS,
  'Extension Mobility Line': LINE_KEYS,
  'Remote Destination Profile Line': LINE_KEYS,
  Voicemail: ['alias', 'displayName'],
  Email: ['emailId', 'displayName'],
  'Unified Messaging': [],
  'Extension Mobility Access': ['phoneButtonTemplate'],
  'Remote Destination Profile': ['name', 'description'],
};

type Attrs = Record<string, string | undefined>;
const issue = (ctx: z.RefinementCtx, key: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message });
const fullName = (a: AttributeContext) => `${a.subscriber.firstName} ${a.subscriber.lastName}`.trim();
const text = (max: number) => z.string().max(max, `at most ${max} characters`).optional();

function phoneSchema(a: AttributeContext) {
  return z
    .object({
      phoneType: z.string().optional(),
      deviceName: z.string().optional(),
      macAddress: z.string().optional(),
      enableExtensionMobility: z.string().optional(),
    })
    .transform((v, ctx) => {
      const type = v.phoneType ? normalisePhoneType(v.phoneType) : null;
      if (!type) {
        issue(
          ctx,
          'phoneType',
          `${v.phoneType ? `'${v.phoneType}' is not a phone type` : 'a Phone needs a phone type'}; choose one of ${PHONE_TYPES.join(', ')}`,
        );
        return z.NEVER;
      }
      const macIssue = v.macAddress ? macAddressIssue(v.macAddress) : null;
      if (macIssue) issue(ctx, 'macAddress', macIssue);
      let mac = v.macAddress && !macIssue ? stripMacSeparators(v.macAddress).toUpperCase() : null;
      const device = deviceNameFor(type, v.deviceName, { login: a.subscriber.login, macAddress: mac });
      if (device.issue) issue(ctx, 'deviceName', device.issue);
      // An IP phone named SEP<MAC> has told us its MAC address.
      if (!mac && device.value && isIpPhone(type)) mac = device.value.slice(3);
      const em = v.enableExtensionMobility?.trim().toLowerCase();
      if (em && em !== 'yes' && em !== 'no') issue(ctx, 'enableExtensionMobility', `must be Yes or No; got '${v.enableExtensionMobility}'`);
      if (em === 'yes' && !supportsExtensionMobility(type))
        issue(
          ctx,
          'enableExtensionMobility',
          `Extension Mobility is supported only on the 7911, 7941, 7942, 7945, 7961, 7962, 7965, 7970, 7971 and 7975, not on ${type}`,
        );
      return {
        phoneType: type,
        deviceName: device.value,
        macAddress: mac ?? undefined,
        enableExtensionMobility: em ? (em === 'yes' ? 'Yes' : 'No') : undefined,
      };
    });
}

function lineSchema(a: AttributeContext) {
  return z
    .object({ lineType: z.string().optional(), directoryNumber: z.string().optional(), displayName: z.string().optional() })
    .transform((v, ctx) => {
      const t = v.lineType?.trim().toLowerCase();
      const lineType =
        t === undefined
          ? v.directoryNumber
            ? 'Chosen Line'
            : 'Auto-assigned'
          : t === 'auto-assigned' || t === 'auto'
            ? 'Auto-assigned'
            : t === 'chosen line' || t === 'chosen'
              ? 'Chosen Line'
              : null;
      if (!lineType) issue(ctx, 'lineType', `must be Auto-assigned or Chosen Line; got '${v.lineType}'`);
      // "Chosen Line—You specify a directory number. The directory number cannot include dashes or spaces."
      if (lineType === 'Chosen Line' && !v.directoryNumber) issue(ctx, 'directoryNumber', 'a Chosen Line needs a directory number');
      if (lineType === 'Auto-assigned' && v.directoryNumber)
        issue(
          ctx,
          'directoryNumber',
          'an Auto-assigned line gets its number from the system; choose the line type Chosen Line to pick one',
        );
      if (v.directoryNumber && !/^\d{1,24}$/.test(v.directoryNumber))
        issue(ctx, 'directoryNumber', `a directory number is digits only and cannot include dashes or spaces; got '${v.directoryNumber}'`);
      // "the display for a line cannot exceed 30 characters. Make sure that the combination
      // of characters for First Name and Last Name does not exceed 30 characters."
      const displayName = v.displayName ?? fullName(a);
      if (displayName.length > 30)
        issue(
          ctx,
          'displayName',
          `the display for a line cannot exceed 30 characters; '${displayName}' has ${displayName.length}${v.displayName ? '' : ' (give a shorter display name)'}`,
        );
      return { lineType: lineType ?? undefined, directoryNumber: v.directoryNumber, displayName };
    });
}

function voicemailSchema(a: AttributeContext) {
  return z
    .object({
      alias: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a voicemail alias is 1 to 64 letters, digits, dots, dashes or underscores')
        .optional(),
      displayName: text(64),
    })
    .transform((v) => ({ alias: v.alias ?? a.subscriber.login, displayName: v.displayName ?? fullName(a) }));
}

function emailSchema(a: AttributeContext) {
  return (
    z
      // "Email ID: Enter the email ID. It cannot contain spaces."
      .object({
        emailId: z.string().max(254, 'at most 254 characters').regex(/^\S+$/, 'an email ID cannot contain spaces').optional(),
        displayName: text(64),
      })
      .transform((v) => ({ emailId: v.emailId ?? a.subscriber.email, displayName: v.displayName ?? fullName(a) }))
  );
}

const SCHEMAS: Record<ProductType, (a: AttributeContext) => z.ZodType<Attrs, z.ZodTypeDef, Attrs>> = {
  Phone: phoneSchema,
  Line: lineSchema,
  'Line on a Shared Phone': lineSchema,
  'Extension Mobility Line': lineSchema,
  'Remote Destination Profile Line': lineSchema,
  Voicemail: voicemailSchema,
  Email: emailSchema,
  'Unified Messaging': () => z.object({}),
  'Extension Mobility Access': () => z.object({ phoneButtonTemplate: text(100) }),
  'Remote Destination Profile': () =>
    z.object({
      name: z.string({ required_error: 'a Remote Destination Profile needs a name' }).min(1).max(50, 'at most 50 characters'),
      description: text(128),
    }),
};

const ADVANCED_KEY = /^[A-Za-z][A-Za-z0-9 _.-]{0,63}$/;

/**
 * Validates and normalises one product's attributes. Keys are matched without regard
 * to case; empty values count as not given. Each problem names its attribute
 * (`macAddress`); an attribute the catalog does not know is a problem of `attributes`.
 */
export function checkAttributes(
  type: ProductType,
  raw: Record<string, string>,
  a: AttributeContext,
): { attributes: Record<string, string>; problems: FieldProblem[] } {
  const known: Attrs = {};
  const advanced: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [key, rawValue] of Object.entries(raw)) {
    const value = rawValue.trim();
    const canonical = ATTRIBUTE_KEYS[type].find((k) => k.toLowerCase() === key.trim().toLowerCase());
    if (canonical) {
      if (value !== '') known[canonical] = value;
    } else if (!a.advanced) {
      // "Advanced Order Configuration is available only to users who are assigned the
      // Advanced Ordering authorization role" (Table 10-3).
      const takes = ATTRIBUTE_KEYS[type].length ? `${type} takes ${ATTRIBUTE_KEYS[type].join(', ')}` : `${type} takes no attributes`;
      problems.push(
        problem(
          'attributes',
          `"${key}" is not an attribute of ${type} (${takes}); other provisioning attributes need the Advanced Ordering role`,
        ),
      );
    } else if (!ADVANCED_KEY.test(key) || value.length > 1000) {
      problems.push(
        problem(
          'attributes',
          `"${key.slice(0, 80)}": a provisioning attribute name is a letter then up to 63 letters, digits, spaces, _ . -, with a value of at most 1000 characters`,
        ),
      );
    } else advanced[key] = value;
  }
  const parsed = SCHEMAS[type](a).safeParse(known);
  // The Remote Destination Profile's `name` is the profile's, not the subscriber's.
  if (!parsed.success) problems.push(...problemsFromZod(parsed.error, { name: 'profileName', '': 'attributes' }));
  if (problems.length) return { attributes: {}, problems };
  return { attributes: { ...advanced, ...definedOnly(parsed.data!) }, problems };
}

function definedOnly(attrs: Attrs): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
}
